// DLP (S18) and environment administration rules, table-driven.
import { describe, expect, it } from 'vitest';
import { codeOf as code } from '../support/refusal.js';
import { assertDlpCompliant, assertEachConnectorOnce, dlpViolation, type ConnectorClass } from '../../src/policy/dlp.js';
import { assertEnvironmentAdmin, assertKeepsAnAdmin, isEnvironmentAdmin } from '../../src/policy/environments.js';
import type { EnvironmentRole } from '../../src/policy/access.js';

const c = (displayName: string, cls: ConnectorClass) => ({ id: displayName, displayName, class: cls });

describe('S18: which connector mixes a policy allows', () => {
  const cases: [string, ReturnType<typeof c>[], string][] = [
    ['no connectors', [], 'OK'],
    ['business only', [c('SharePoint', 'BUSINESS'), c('Outlook', 'BUSINESS')], 'OK'],
    ['non-business only', [c('Twitter', 'NON_BUSINESS'), c('Dropbox', 'NON_BUSINESS')], 'OK'],
    ['business with non-business', [c('SharePoint', 'BUSINESS'), c('Twitter', 'NON_BUSINESS')], 'DLP_VIOLATION'],
    ['a blocked one alone', [c('Twitter', 'BLOCKED')], 'DLP_VIOLATION'],
    ['a blocked one among business', [c('SharePoint', 'BUSINESS'), c('Twitter', 'BLOCKED')], 'DLP_VIOLATION'],
  ];
  for (const [what, connectors, expected] of cases) {
    it(`${what} → ${expected}`, () => expect(code(() => assertDlpCompliant(connectors))).toBe(expected));
  }
  it('names the connectors at fault, each once', () => {
    expect(dlpViolation([c('SharePoint', 'BUSINESS'), c('Twitter', 'NON_BUSINESS'), c('Twitter', 'NON_BUSINESS')])).toBe(
      'The data loss prevention policy does not let business connectors (SharePoint) and non-business connectors (Twitter) be used together.',
    );
    expect(dlpViolation([c('Twitter', 'BLOCKED'), c('Dropbox', 'BLOCKED'), c('SharePoint', 'BUSINESS')])).toBe(
      'The data loss prevention policy blocks Dropbox, Twitter.',
    );
  });
  it('a connector classified twice is INVALID_INPUT at its second place', () => {
    expect(code(() => assertEachConnectorOnce(['a', 'b'], (i) => [String(i)]))).toBe('OK');
    expect(code(() => assertEachConnectorOnce(['a', 'b', 'a'], (i) => [String(i)]))).toBe('INVALID_INPUT');
  });
});

describe('environment administration', () => {
  const roles: [EnvironmentRole | null, string][] = [
    ['ENVIRONMENT_ADMIN', 'OK'],
    ['ENVIRONMENT_MAKER', 'NOT_AUTHORIZED'],
    ['BASIC_USER', 'NOT_AUTHORIZED'],
    [null, 'NOT_AUTHORIZED'],
  ];
  for (const [role, expected] of roles) {
    it(`${role ?? 'no role'} administers → ${expected}`, () =>
      expect(code(() => assertEnvironmentAdmin(role, 'Env', 'do it', []))).toBe(expected));
    it(`${role ?? 'no role'}: isEnvironmentAdmin agrees`, () => expect(isEnvironmentAdmin(role)).toBe(expected === 'OK'));
  }
  const changes: [EnvironmentRole | null, EnvironmentRole | null, number, string][] = [
    ['ENVIRONMENT_ADMIN', 'ENVIRONMENT_MAKER', 0, 'INVALID_INPUT'],
    ['ENVIRONMENT_ADMIN', null, 0, 'INVALID_INPUT'],
    ['ENVIRONMENT_ADMIN', 'ENVIRONMENT_MAKER', 1, 'OK'],
    ['ENVIRONMENT_ADMIN', 'ENVIRONMENT_ADMIN', 0, 'OK'],
    ['ENVIRONMENT_MAKER', null, 0, 'OK'],
    [null, 'ENVIRONMENT_ADMIN', 0, 'OK'],
  ];
  for (const [currentRole, newRole, otherAdmins, expected] of changes) {
    it(`${currentRole ?? 'none'} → ${newRole ?? 'none'} with ${otherAdmins} other admins → ${expected}`, () =>
      expect(code(() => assertKeepsAnAdmin({ currentRole, newRole, otherAdmins }, []))).toBe(expected));
  }
});
