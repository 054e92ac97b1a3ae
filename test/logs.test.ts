// Structured logs (issue 17, item 1): one JSON line per request or operation, with its name,
// type, status, duration, error codes, request id and user, and never what the client sent
// (variables, tokens). Read from a real server through a pino destination, at trace level so
// that every line Yoga writes is checked too.
import { randomUUID } from 'node:crypto';
import { setTimeout as pause } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobs } from '../src/jobs.js';
import { createLog } from '../src/ops/log.js';
import { graphql } from './gql/index.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { flowOf } from './support/fixtures.js';
import { wsClient } from './support/live.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const FlowById = graphql(`
  query LogsFlows($after: String) { myFlows(first: 1, after: $after) { totalCount } }
`);
const AddOwner = graphql(`
  mutation LogsOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }
`);
const Events = graphql(`
  subscription LogsEvents { sharingEvents { kind } }
`);

type Line = Record<string, unknown> & { msg: string; level: number };

const written: string[] = [];
const lines = () => written.map((l) => JSON.parse(l) as Line);
const requestLine = (requestId: string) => lines().find((l) => l.msg === 'request' && l.requestId === requestId);

let app: TestApp;
let t: Tenant;
beforeAll(async () => {
  const log = createLog({ level: 'trace', destination: { write: (line: string) => void written.push(line) } });
  app = await startTestApp({ server: { log } });
  t = await makeTenant(app);
});
afterAll(() => app?.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('a line per HTTP request', () => {
  it('names the operation, its user, status, duration and request id, and leaves out variables and the token', async () => {
    const secret = `secret-${randomUUID()}`;
    const response = await post(
      {
        query: 'mutation LogsCreate($input: CreateFlowInput!) { createFlow(input: $input) { __typename } }',
        variables: { input: { environmentId: t.defaultEnv, displayName: secret, trigger: 'INSTANT', actions: [] } },
      },
      { authorization: `Bearer ${t.tokens.maker}`, 'x-request-id': 'logs-test-1' },
    );
    expect(response.headers.get('x-request-id')).toBe('logs-test-1');
    expect(((await response.json()) as { data: { createFlow: { __typename: string } } }).data.createFlow.__typename).toBe(
      'CreateFlowSuccess',
    );
    await pause(50);
    const line = requestLine('logs-test-1');
    expect(line).toMatchObject({
      msg: 'request',
      level: 30,
      transport: 'http',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operation: 'LogsCreate',
      type: 'mutation',
      userId: t.rows.users.get('maker'),
      errors: [],
    });
    expect(line!.durationMs).toEqual(expect.any(Number));
    const everything = written.join('');
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(t.tokens.maker);
    expect(everything).not.toContain(t.tokens.maker.split('.')[2]!);
  });

  it('keeps an operation name only when it looks like one: a name of megabytes is "other"', async () => {
    const huge = `Q${'x'.repeat(100_000)}`;
    await post(
      { query: '{ viewer { id } }', operationName: huge },
      { authorization: `Bearer ${t.tokens.maker}`, 'x-request-id': 'logs-huge-name' },
    );
    await pause(50);
    expect(requestLine('logs-huge-name')).toMatchObject({ operation: 'other' });
    expect(written.join('')).not.toContain('x'.repeat(1_000));
  });

  it('gives the error codes, and no variable value even where the error message quotes it (at trace level)', async () => {
    const secret = `not-an-id-${randomUUID()}`;
    const badId = await post(
      { query: 'query LogsFlows($after: String) { myFlows(first: 1, after: $after) { totalCount } }', variables: { after: secret } },
      { authorization: `Bearer ${t.tokens.maker}`, 'x-request-id': 'logs-test-2' },
    );
    const badVariable = await post(
      { query: 'query LogsBad($n: Int!) { myFlows(first: $n) { totalCount } }', variables: { n: secret } },
      { 'x-request-id': 'logs-test-3' },
    );
    const invalid = await post({ query: 'query LogsInvalid { nothingHere }' }, { 'x-request-id': 'logs-test-5' });
    const badToken = await post({ query: '{ viewer { id } }' }, { authorization: `Bearer ${secret}`, 'x-request-id': 'logs-test-4' });
    expect(JSON.stringify(await badId.json())).toContain('INVALID_INPUT');
    expect(badVariable.status).toBe(200);
    expect(badToken.status).toBe(401);
    await pause(50);
    expect(requestLine('logs-test-2')).toMatchObject({
      operation: 'LogsFlows',
      type: 'query',
      errors: ['INVALID_INPUT'],
      userId: t.rows.users.get('maker'),
    });
    expect(requestLine('logs-test-3')).toMatchObject({ operation: 'LogsBad', type: 'query', errors: ['GRAPHQL_ERROR'], userId: null });
    expect(requestLine('logs-test-4')).toMatchObject({ status: 401, errors: ['UNAUTHENTICATED'] });
    expect(invalid.status).toBe(200);
    expect(requestLine('logs-test-5')).toMatchObject({
      operation: 'LogsInvalid',
      type: 'query',
      status: 200,
      errors: ['GRAPHQL_VALIDATION_FAILED'],
    });
    expect(written.join('')).not.toContain(secret);
  });

  it('makes a request id when none (or a malformed one) is sent, and answers with it', async () => {
    const none = await post({ query: '{ viewer { id } }' });
    const made = none.headers.get('x-request-id')!;
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    const malformed = await post({ query: '{ viewer { id } }' }, { 'x-request-id': 'two words' });
    expect(malformed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await pause(50);
    expect(requestLine(made)).toMatchObject({ operation: null, type: 'query', status: 200 });
  });

  it('logs health probes at debug level only', async () => {
    const response = await fetch(app.url.replace('/graphql', '/health'), { headers: { 'x-request-id': 'logs-probe' } });
    expect(response.status).toBe(200);
    await pause(50);
    expect(requestLine('logs-probe')).toMatchObject({ level: 20, path: '/health' });
  });
});

describe('WebSocket operations and subscriptions', () => {
  it('logs each operation, and a subscription when it starts and when it ends, with its user', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    const client = wsClient(app.url, t.tokens.coowner);
    try {
      const events = client.subscribe(Events, {});
      await pause(300);
      ok(await app.gql(AddOwner, { input: { flowId: flow.id, add: [t.users.coowner] } }, t.tokens.maker));
      await events.waitFor(1);
      events.stop();
      await pause(200);
    } finally {
      await client.close();
    }
    const coowner = t.rows.users.get('coowner');
    const started = lines().find((l) => l.msg === 'subscription started' && l.userId === coowner);
    const ended = lines().find((l) => l.msg === 'subscription ended' && l.userId === coowner);
    expect(started).toMatchObject({ operation: 'LogsEvents', type: 'subscription', transport: 'ws' });
    expect(ended).toMatchObject({ operation: 'LogsEvents', transport: 'ws', events: 1, errors: [] });
    expect(ended!.requestId).toBe(started!.requestId);
    expect(ended!.durationMs).toEqual(expect.any(Number));
  });

  it('logs a query over WebSocket as an operation line', async () => {
    const client = wsClient(app.url, t.tokens.admin);
    try {
      const result = client.subscribe(FlowById, { after: 'nope' });
      await result.ended();
    } finally {
      await client.close();
    }
    await pause(50);
    expect(
      lines().find((l) => l.msg === 'operation' && l.operation === 'LogsFlows' && l.userId === t.rows.users.get('admin')),
    ).toMatchObject({
      transport: 'ws',
      type: 'query',
      errors: ['INVALID_INPUT'],
    });
  });
});

describe('background jobs', () => {
  it('logs each run with its job, outcome and duration', async () => {
    const jobLines: string[] = [];
    const log = createLog({ level: 'debug', destination: { write: (line: string) => void jobLines.push(line) } });
    const jobs = startJobs({ db: app.database.db, sweepIntervalMs: 100, pruneIntervalMs: 100, logRetentionDays: 30, log });
    await pause(500);
    await jobs.stop();
    const runs = jobLines.map((l) => JSON.parse(l) as Line).filter((l) => l.msg === 'job run');
    expect(runs.find((l) => l.job === 'expiry_sweep')).toMatchObject({ outcome: 'ok', component: 'jobs', durationMs: expect.any(Number) });
    expect(runs.find((l) => l.job === 'log_retention')).toMatchObject({ outcome: 'ok', eventsPruned: 0 });
  });
});
