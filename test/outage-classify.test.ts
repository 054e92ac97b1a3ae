// isOutage (src/db/outage.ts): which failures mean "the database is unreachable or did not
// answer in time" (SERVICE_UNAVAILABLE, HTTP 503) and which are anything else. Real errors
// where they can be had without a database: postgres.js against a closed port, a client that
// was ended; PostgreSQL's own codes through postgres.js's PostgresError.
import { createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { GraphQLError } from 'graphql';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/open.js';
import { checkReady, DatabaseTimeoutError, isOutage } from '../src/db/outage.js';
import { maskError } from '../src/graphql/errors.js';
import { DomainError } from '../src/policy/errors.js';

const coded = (code: string) => Object.assign(new Error(code), { code });
const sqlstate = (code: string) => new postgres.PostgresError({ code, message: `sqlstate ${code}` } as never);

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('isOutage', () => {
  it.each([
    ['ECONNREFUSED'],
    ['ECONNRESET'],
    ['EPIPE'],
    ['ETIMEDOUT'],
    ['EHOSTUNREACH'],
    ['ENETUNREACH'],
    ['ENOTFOUND'],
    ['EAI_AGAIN'],
    ['CONNECTION_CLOSED'],
    ['CONNECTION_ENDED'],
    ['CONNECTION_DESTROYED'],
    ['CONNECT_TIMEOUT'],
  ])('a connection failure %s is an outage', (code) => {
    expect(isOutage(coded(code))).toBe(true);
  });

  it.each([
    ['08000', 'connection_exception'],
    ['08001', 'sqlclient_unable_to_establish_sqlconnection'],
    ['08006', 'connection_failure'],
    ['08P01', 'protocol_violation'],
    ['57P01', 'admin_shutdown'],
    ['57P02', 'crash_shutdown'],
    ['57P03', 'cannot_connect_now'],
    ['53300', 'too_many_connections'],
    ['57014', 'query_canceled (statement_timeout)'],
    ['25P03', 'idle_in_transaction_session_timeout'],
  ])('PostgreSQL %s (%s) is an outage', (code) => {
    expect(isOutage(sqlstate(code))).toBe(true);
  });

  it.each([
    ['23505', 'unique_violation'],
    ['40001', 'serialization_failure'],
    ['40P01', 'deadlock_detected'],
    ['42P01', 'undefined_table'],
    ['22P02', 'invalid_text_representation'],
    ['23503', 'foreign_key_violation'],
  ])('PostgreSQL %s (%s) is not', (code) => {
    expect(isOutage(sqlstate(code))).toBe(false);
  });

  it('our own timeout is; domain errors, plain errors and non-errors are not', () => {
    expect(isOutage(new DatabaseTimeoutError('no answer'))).toBe(true);
    expect(isOutage(new DomainError('CONFLICT', 'raced'))).toBe(false);
    expect(isOutage(new DomainError('NOT_FOUND', 'gone'))).toBe(false);
    expect(isOutage(new Error('Unexpected'))).toBe(false);
    expect(isOutage(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    for (const value of [undefined, null, 'ECONNREFUSED', 57014, { code: 42 }]) expect(isOutage(value)).toBe(false);
  });

  it('looks through wrappers: a cause, a GraphQLError, an AggregateError; a cycle ends', () => {
    expect(isOutage(new Error('Failed query: select 1', { cause: coded('ECONNREFUSED') }))).toBe(true);
    expect(isOutage(new GraphQLError('masked', { originalError: new Error('Failed query', { cause: sqlstate('57P01') }) }))).toBe(true);
    expect(isOutage(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], 'connect'))).toBe(true);
    const cyclic: Error & { cause?: unknown } = new Error('a');
    cyclic.cause = new Error('b', { cause: cyclic });
    expect(isOutage(cyclic)).toBe(false);
  });

  it('postgres.js and drizzle against a closed port, and a client that was ended: real errors, all outages', async () => {
    const url = `postgres://nobody@127.0.0.1:${await closedPort()}/none`;
    const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 2 });
    const refused = await client`select 1`.then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 'ECONNREFUSED' });
    expect(isOutage(refused)).toBe(true);
    const viaDrizzle = await drizzle(client)
      .execute(sql`select 1`)
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(viaDrizzle).toBeInstanceOf(Error);
    expect(isOutage(viaDrizzle)).toBe(true);
    await client.end();
    const ended = await client`select 1`.then(
      () => null,
      (error: unknown) => error,
    );
    expect(ended).toMatchObject({ code: 'CONNECTION_ENDED' });
    expect(isOutage(ended)).toBe(true);
  });
});

describe('what the API makes of it', () => {
  it('maskError shows an outage as SERVICE_UNAVAILABLE with HTTP 503 and Retry-After; other errors stay masked', () => {
    const shown = maskError(
      new GraphQLError('Failed query', { originalError: coded('ECONNRESET'), path: ['myFlows'] }),
      'Unexpected error.',
    );
    expect(shown).toBeInstanceOf(GraphQLError);
    expect((shown as GraphQLError).extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      http: { status: 503, headers: { 'retry-after': '5' } },
    });
    expect((shown as GraphQLError).path).toEqual(['myFlows']);
    const masked = maskError(new GraphQLError('boom', { originalError: new Error('boom') }), 'Unexpected error.');
    expect(masked.message).toBe('Unexpected error.');
  });

  it('checkReady rejects at once when nothing listens, and within its timeout in any case', async () => {
    const database = await openDatabase({ databaseUrl: `postgres://nobody@127.0.0.1:${await closedPort()}/none`, poolSize: 1 });
    try {
      const started = Date.now();
      const error = await checkReady(database.db, 1_000).then(
        () => null,
        (e: unknown) => e,
      );
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(isOutage(error)).toBe(true);
    } finally {
      await database.close();
    }
  });
});
