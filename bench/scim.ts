// Bench case "scim": provisioning 10,000 users and 1,000 groups (20 members each) through
// /scim/v2 as an identity provider does (one POST per user, one POST and one PATCH "add
// members" per group, 8 requests in flight), against a floor: the same users, groups and
// memberships written by the JSON import in one transaction, in the same run.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { tokenVerifier } from '../src/auth/tokens.js';
import { openDatabase } from '../src/db/open.js';
import { importDirectory } from '../src/directory/import.js';
import { LogFeed } from '../src/events/feed.js';
import { startServer } from '../src/server.js';
import { CORE_GROUP, CORE_USER, PATCH_OP, scimClient, type Reply } from '../test/support/scim.js';
import { tenantDirectory } from '../test/support/tenant.js';

const USERS = 10_000;
const GROUPS = 1_000;
const MEMBERS = 20;
const IN_FLIGHT = 8;

/** Runs `work(i)` for i < n with `inFlight` at a time; returns each call's milliseconds. */
async function pooled(n: number, inFlight: number, work: (i: number) => Promise<void>): Promise<number[]> {
  const times = new Array<number>(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < n) {
        const i = next++;
        const start = performance.now();
        await work(i);
        times[i] = performance.now() - start;
      }
    }),
  );
  return times;
}

const percentile = (ms: number[], p: number) => [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.floor(ms.length * p))]!;

export async function benchScim(databaseUrl: string) {
  const database = await openDatabase({ databaseUrl, poolSize: 10 });
  const [viaScim, viaImport] = [`scim${randomUUID().slice(0, 6)}`, `imp${randomUUID().slice(0, 6)}`];
  await importDirectory(database.db, tenantDirectory(viaScim));
  const token = `bench-${randomUUID()}`;
  const feed = await LogFeed.start(database, { pollMs: 1000 });
  const server = await startServer({
    db: database.db,
    feed,
    verify: tokenVerifier({ kind: 'secret', secret: randomUUID() + randomUUID() }),
    port: 0,
    host: '127.0.0.1',
    quiet: true,
    scim: { tokens: { [`tenant-${viaScim}`]: token } },
  });
  try {
    const scim = scimClient(server.url);
    const expect = async (status: number, reply: Promise<Reply>) => {
      const r = await reply;
      if (r.status !== status) throw new Error(`SCIM answered ${r.status}, not ${status}: ${JSON.stringify(r.body).slice(0, 300)}`);
      return r.body;
    };

    const started = performance.now();
    const userIds = new Array<string>(USERS);
    const userTimes = await pooled(USERS, IN_FLIGHT, async (i) => {
      const body = await expect(
        201,
        scim(token, 'POST', '/Users', {
          schemas: [CORE_USER],
          externalId: `e${i}-${viaScim}`,
          userName: `u${i}.${viaScim}@example.com`,
          displayName: `User ${i}`,
          emails: [{ primary: true, value: `u${i}.${viaScim}@example.com` }],
          active: true,
        }),
      );
      userIds[i] = body.id;
    });
    const groupTimes = await pooled(GROUPS, IN_FLIGHT, async (g) => {
      const group = await expect(201, scim(token, 'POST', '/Groups', { schemas: [CORE_GROUP], displayName: `Group ${g}` }));
      const members = Array.from({ length: MEMBERS }, (_, k) => ({ value: userIds[(g * MEMBERS + k) % USERS]! }));
      await expect(
        200,
        scim(token, 'PATCH', `/Groups/${group.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'Add', path: 'members', value: members }] }),
      );
    });
    const scimSeconds = (performance.now() - started) / 1000;

    const directory = tenantDirectory(viaImport);
    const tenant = directory.tenants[0]!.id;
    const users = Array.from({ length: USERS }, (_, i) => ({
      id: `e${i}-${viaImport}`,
      tenant,
      displayName: `User ${i}`,
      email: `u${i}.${viaImport}@example.com`,
      kind: 'MEMBER' as const,
      license: 'SEEDED' as const,
      status: 'ACTIVE' as const,
    }));
    const groups = Array.from({ length: GROUPS }, (_, g) => ({
      id: `g${g}-${viaImport}`,
      tenant,
      displayName: `Group ${g}`,
      members: Array.from({ length: MEMBERS }, (_, k) => users[(g * MEMBERS + k) % USERS]!.id),
    }));
    const importStarted = performance.now();
    await importDirectory(database.db, { ...directory, users: [...directory.users, ...users], groups: [...directory.groups, ...groups] });
    const importSeconds = (performance.now() - importStarted) / 1000;

    const requests = USERS + 2 * GROUPS;
    console.log(`\nSCIM provisioning on PostgreSQL: ${USERS} users, ${GROUPS} groups of ${MEMBERS}, ${IN_FLIGHT} requests in flight`);
    console.log('| what | seconds | requests/s | p50 ms | p99 ms | × floor |');
    console.log('|---|---|---|---|---|---|');
    console.log(
      `| floor: the JSON import of the same users, groups and members (one transaction) | ${importSeconds.toFixed(1)} | | | | 1.0 |`,
    );
    console.log(
      `| SCIM: POST /Users each | ${(userTimes.reduce((a, b) => a + b, 0) / 1000 / IN_FLIGHT).toFixed(1)} | | ${percentile(userTimes, 0.5).toFixed(1)} | ${percentile(userTimes, 0.99).toFixed(1)} | |`,
    );
    console.log(
      `| SCIM: POST + PATCH add members per group | ${(groupTimes.reduce((a, b) => a + b, 0) / 1000 / IN_FLIGHT).toFixed(1)} | | ${percentile(groupTimes, 0.5).toFixed(1)} | ${percentile(groupTimes, 0.99).toFixed(1)} | |`,
    );
    console.log(
      `| SCIM: all ${requests} requests | ${scimSeconds.toFixed(1)} | ${(requests / scimSeconds).toFixed(0)} | | | ${(scimSeconds / importSeconds).toFixed(1)} |`,
    );
  } finally {
    await server.close();
    await feed.close();
    await database.close();
  }
}
