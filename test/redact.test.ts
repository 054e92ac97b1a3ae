// Logs never carry SQL parameters (issue 11, item 4): drizzle's query errors are cut before them.
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { redactForLog, safeMessage } from '../src/redact.js';

const failed = () =>
  new DrizzleQueryError(
    'insert into users (email) values ($1)',
    ['secret@example.com'],
    Object.assign(new Error('duplicate key'), { code: '23505' }),
  );

describe('redactForLog', () => {
  it('keeps the statement and the reason, never the parameters, also inside a GraphQLError', () => {
    for (const value of [failed(), new GraphQLError('Unexpected error.', { originalError: failed(), path: ['createFlow'] })]) {
      const logged = JSON.stringify(redactForLog(value));
      expect(logged).not.toContain('secret@example.com');
      expect(logged).toContain('insert into users (email) values ($1)');
      expect(logged).toContain('23505');
    }
    expect(safeMessage(failed())).toBe('Failed query: insert into users (email) values ($1)');
  });

  it('leaves everything else as it is', () => {
    const error = new Error('plain');
    expect(redactForLog(error)).toBe(error);
    expect(redactForLog('text')).toBe('text');
  });
});
