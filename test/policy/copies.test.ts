// Copies and ownership changes (S12, S13), table-driven.
import { describe, expect, it } from 'vitest';
import { assertIndividualUser, assertSolutionAware, matchConnectors } from '../../src/policy/copies.js';
import { codeOf as code } from '../support/refusal.js';

const needed = [
  { id: 'sp', name: 'SharePoint' },
  { id: 'mail', name: 'Outlook' },
];
const conn = (id: string, connectorId: string, i: number) => ({ id, connectorId, field: ['input', 'connectionIds', String(i)] });

describe('S12: one connection of the recipient per connector the copy needs', () => {
  it('maps each connector to the connection given for it', () => {
    expect([...matchConnectors(needed, [conn('c2', 'mail', 0), conn('c1', 'sp', 1)])]).toEqual([
      ['mail', 'c2'],
      ['sp', 'c1'],
    ]);
    expect([...matchConnectors([], [])]).toEqual([]);
  });
  const cases: [string, ReturnType<typeof conn>[], string][] = [
    ['one missing', [conn('c1', 'sp', 0)], 'INVALID_INPUT'],
    ['none given', [], 'INVALID_INPUT'],
    ['two for one connector', [conn('c1', 'sp', 0), conn('c3', 'sp', 1), conn('c2', 'mail', 2)], 'INVALID_INPUT'],
    ['one the copy does not need', [conn('c1', 'sp', 0), conn('c2', 'mail', 1), conn('c9', 'twitter', 2)], 'CONNECTOR_MISMATCH'],
  ];
  for (const [what, supplied, expected] of cases) {
    it(`${what} → ${expected}`, () => expect(code(() => matchConnectors(needed, supplied))).toBe(expected));
  }
  it('names the missing connectors', () => {
    expect(() => matchConnectors(needed, [])).toThrow(/SharePoint, Outlook/);
  });
});

describe('S13: ownership changes', () => {
  it('only solution-aware flows change owner in place', () => {
    expect(code(() => assertSolutionAware({ solutionAware: true }, []))).toBe('OK');
    expect(code(() => assertSolutionAware({ solutionAware: false }, []))).toBe('NOT_SOLUTION_AWARE');
  });
  for (const [kind, expected] of [
    ['USER', 'OK'],
    ['GROUP', 'INVALID_INPUT'],
    ['LIST', 'INVALID_INPUT'],
  ] as const) {
    it(`a new owner or copy recipient that is a ${kind} → ${expected}`, () =>
      expect(code(() => assertIndividualUser(kind, []))).toBe(expected));
  }
});
