// Metrics (issue 17, item 2): /metrics in Prometheus's text format, scraped after real traffic
// (HTTP, WebSocket, a subscription, a background job); its optional bearer token; operation
// names bounded so that clients can't grow the series without end.
import { setTimeout as pause } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobs } from '../src/jobs.js';
import { createMetrics } from '../src/ops/metrics.js';
import { graphql } from './gql/index.js';
import { isolatedDatabaseUrl, ok, startTestApp, type TestApp } from './support/app.js';
import { flowOf } from './support/fixtures.js';
import { wsClient } from './support/live.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const AddOwner = graphql(`
  mutation MetricsOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }
`);
const Flows = graphql(`
  query MetricsFlows($after: String) { myFlows(first: 1, after: $after) { totalCount } }
`);
const Events = graphql(`
  subscription MetricsEvents { sharingEvents { kind } }
`);

const TOKEN = 'metrics-token-long-enough';

/** The value of one sample (0 when the series is absent), labels matched exactly as printed. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const printed = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
  const series = printed ? `${name}{${printed}}` : name;
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${series} `) || (printed && l.startsWith(`${name}{`) && sameLabels(l, name, labels)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}
function sameLabels(line: string, name: string, labels: Record<string, string>): boolean {
  const inner = line.slice(name.length + 1, line.indexOf('}'));
  const found = Object.fromEntries([...inner.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  return Object.keys(found).length === Object.keys(labels).length && Object.entries(labels).every(([k, v]) => found[k] === v);
}

let app: TestApp;
let t: Tenant;
const metrics = createMetrics({ maxOperationNames: 5 });
beforeAll(async () => {
  // A database of its own on PostgreSQL: the feed's lag and head are this server's feed against
  // the whole log, and another test file's events on a shared database would count as lag.
  app = await startTestApp({ databaseUrl: await isolatedDatabaseUrl(), server: { metrics, metricsToken: TOKEN } });
  t = await makeTenant(app);
});
afterAll(() => app?.close());

const metricsUrl = () => app.url.replace('/graphql', '/metrics');
const scrape = async () => {
  const response = await fetch(metricsUrl(), { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
};

describe('/metrics', () => {
  it('asks for its bearer token when one is set', async () => {
    const none = await fetch(metricsUrl());
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await fetch(metricsUrl(), { headers: { authorization: 'Bearer wrong-token-of-some-length' } })).status).toBe(401);
    expect((await fetch(metricsUrl(), { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await fetch(metricsUrl(), { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('is open without a token configured', async () => {
    const open = await startTestApp();
    try {
      const response = await fetch(open.url.replace('/graphql', '/metrics'));
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('flowshare_http_request_duration_seconds');
    } finally {
      await open.close();
    }
  });

  it('counts operations by name, type and outcome, errors by code, and HTTP requests by route', async () => {
    const before = await scrape();
    ok(await app.gql(Flows, {}, t.tokens.maker));
    ok(await app.gql(Flows, {}, t.tokens.maker));
    const refused = await app.gql(Flows, { after: 'not-a-cursor' }, t.tokens.maker);
    expect(refused.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    const after = await scrape();
    const ops = (outcome: string, text: string) =>
      sample(text, 'flowshare_graphql_operation_duration_seconds_count', { operation: 'MetricsFlows', type: 'query', outcome });
    expect(ops('ok', after) - ops('ok', before)).toBe(2);
    expect(ops('error', after) - ops('error', before)).toBe(1);
    const invalid = (text: string) => sample(text, 'flowshare_graphql_errors_total', { code: 'INVALID_INPUT' });
    expect(invalid(after) - invalid(before)).toBe(1);
    const graphqlOk = (text: string) => sample(text, 'flowshare_http_request_duration_seconds_count', { route: '/graphql', status: '200' });
    expect(graphqlOk(after) - graphqlOk(before)).toBeGreaterThanOrEqual(3);
    expect(after).toContain(
      'flowshare_graphql_operation_duration_seconds_bucket{le="0.005",operation="MetricsFlows",type="query",outcome="ok"}',
    );
    expect(sample(after, 'flowshare_db_pool_max')).toBeGreaterThanOrEqual(1);
    expect(after).toContain('flowshare_db_pool_in_use ');
  });

  it('follows WebSockets, subscriptions, events appended and delivered, and the feed', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    const before = await scrape();
    const client = wsClient(app.url, t.tokens.coowner);
    try {
      const events = client.subscribe(Events, {});
      await pause(300);
      const during = await scrape();
      expect(sample(during, 'flowshare_websockets_open')).toBe(1);
      expect(sample(during, 'flowshare_subscriptions_open', { transport: 'ws' })).toBe(1);
      ok(await app.gql(AddOwner, { input: { flowId: flow.id, add: [t.users.coowner] } }, t.tokens.maker));
      await events.waitFor(1);
      const live = await scrape();
      expect(sample(live, 'flowshare_events_appended_total') - sample(before, 'flowshare_events_appended_total')).toBeGreaterThanOrEqual(1);
      expect(sample(live, 'flowshare_events_delivered_total') - sample(before, 'flowshare_events_delivered_total')).toBe(1);
      expect(sample(live, 'flowshare_feed_lag_events')).toBe(0);
      expect(sample(live, 'flowshare_feed_head_position')).toBe(app.feed.head);
      expect(
        sample(live, 'flowshare_subscriptions_started_total', { transport: 'ws' }) -
          sample(before, 'flowshare_subscriptions_started_total', { transport: 'ws' }),
      ).toBe(1);
      events.stop();
    } finally {
      await client.close();
    }
    await pause(200);
    const closed = await scrape();
    expect(sample(closed, 'flowshare_websockets_open')).toBe(0);
    expect(sample(closed, 'flowshare_subscriptions_open', { transport: 'ws' })).toBe(0);
  });

  it('counts background job runs', async () => {
    const jobs = startJobs({ db: app.database.db, sweepIntervalMs: 100, pruneIntervalMs: 100, logRetentionDays: 30, metrics });
    // Each job runs every 100 ms; on a busy database a run may take longer than that, so wait for
    // the runs rather than for a fixed time (at most 10 s).
    const runs = (text: string, job: string) => sample(text, 'flowshare_job_runs_total', { job, outcome: 'ok' });
    for (let waited = 0; waited < 10_000; waited += 100) {
      const text = await scrape();
      if (runs(text, 'expiry_sweep') >= 2 && runs(text, 'log_retention') >= 2) break;
      await pause(100);
    }
    await jobs.stop();
    const text = await scrape();
    expect(sample(text, 'flowshare_job_runs_total', { job: 'expiry_sweep', outcome: 'ok' })).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'flowshare_job_runs_total', { job: 'log_retention', outcome: 'ok' })).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'flowshare_job_duration_seconds_count', { job: 'expiry_sweep' })).toBeGreaterThanOrEqual(2);
  });

  it('bounds operation names: past the cap (5 here) new names count as "other"', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `MetricsName${i}`);
    for (const name of names) {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `query ${name} { viewer { id } }` }),
      });
      expect(response.status).toBe(200);
    }
    const text = await scrape();
    const named = new Set([...text.matchAll(/flowshare_graphql_operation_duration_seconds_count\{operation="([^"]+)"/g)].map((m) => m[1]));
    expect(named.size).toBeLessThanOrEqual(6 + 1); // 5 names, "other", "anonymous" at most
    expect(named.has('other')).toBe(true);
    expect(named.has('MetricsName11')).toBe(false);
  });
});
