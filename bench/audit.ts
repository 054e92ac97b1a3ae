// Bench case "audit": sharingAudit on an environment of 10,000 flows and 100,000 grants
// (2,000 users: some guests, some departed, some outside the security group; some grants
// expired), against a floor: one query that reads every grant of the environment with its
// user, the least any audit of those grants must do.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { and, count, eq, sql } from 'drizzle-orm';
import { signToken, tokenVerifier } from '../src/auth/tokens.js';
import { openDatabase, type Db } from '../src/db/open.js';
import { connectionReferences, connections, connectors, environments, flows, ownerGrants, runOnlyGrants, users } from '../src/db/tables.js';
import { importDirectory } from '../src/directory/import.js';
import { LogFeed } from '../src/events/feed.js';
import { globalId } from '../src/graphql/ids.js';
import { startServer } from '../src/server.js';
import { sharingAudit } from '../src/sharing/audit.js';
import { tenantDirectory } from '../test/support/tenant.js';
import { median } from './timing.js';

const FLOWS = 10_000;
const USERS = 2_000;
const OWNERS_PER_FLOW = 6; // besides the primary owner
const RUN_ONLY_PER_FLOW = 3;
const SECRET = randomUUID() + randomUUID();

const QUERY = `query Audit($environmentId: ID!) {
  sharingAudit(environmentId: $environmentId) {
    generatedAt
    findings { kind detail flow { id displayName } principal { __typename ... on User { id displayName } } connection { id displayName } }
  }
}`;

async function insertInBatches<T extends Record<string, unknown>>(db: Db, table: Parameters<Db['insert']>[0], rows: T[]) {
  for (let i = 0; i < rows.length; i += 2_000) await db.insert(table).values(rows.slice(i, i + 2_000) as never);
}

async function seed(db: Db) {
  const tag = `audit${randomUUID().slice(0, 6)}`;
  const directory = tenantDirectory(tag);
  const tenant = directory.tenants[0]!.id;
  const extra = Array.from({ length: USERS }, (_, i) => ({
    id: `u${i}-${tag}`,
    tenant,
    displayName: `User ${i}`,
    email: `u${i}.${tag}@example.com`,
    kind: i % 20 === 0 ? ('GUEST' as const) : ('MEMBER' as const),
    license: 'PREMIUM' as const,
    status: i % 100 === 1 ? ('DEPARTED' as const) : ('ACTIVE' as const),
  }));
  // Nine in ten are in the secured environment's security group.
  directory.groups[0]!.members.push(...extra.filter((_, i) => i % 10 !== 3).map((u) => u.id));
  await importDirectory(db, { ...directory, users: [...directory.users, ...extra] });

  const one = async <T>(rows: Promise<T[]>) => (await rows)[0]!;
  const env = await one(
    db
      .select()
      .from(environments)
      .where(eq(environments.externalId, `secured-${tag}`)),
  );
  const maker = await one(
    db
      .select()
      .from(users)
      .where(eq(users.externalId, `maker-${tag}`)),
  );
  const admin = `admin-${tag}`;
  const people = await db.select({ id: users.id, status: users.status }).from(users).where(eq(users.tenantId, env.tenantId));
  const departed = people.filter((p) => p.status === 'DEPARTED');
  const connector = await one(
    db
      .select()
      .from(connectors)
      .where(eq(connectors.externalId, `sharepoint-${tag}`)),
  );
  const [makers, leavers] = [
    await db
      .insert(connections)
      .values({ environmentId: env.id, connectorId: connector.id, ownerId: maker.id, displayName: 'Maker SP' })
      .returning(),
    await db
      .insert(connections)
      .values({ environmentId: env.id, connectorId: connector.id, ownerId: departed[0]!.id, displayName: 'Leaver SP' })
      .returning(),
  ];

  const started = performance.now();
  const flowRows = Array.from({ length: FLOWS }, (_, i) => {
    // One flow in a hundred belongs to someone who has left.
    const owner = i % 100 === 7 ? departed[i % departed.length]!.id : maker.id;
    return {
      id: randomUUID(),
      environmentId: env.id,
      creatorId: owner,
      primaryOwnerId: owner,
      displayName: `Flow ${i}`,
      trigger: 'INSTANT' as const,
      state: 'ON' as const,
      solutionAware: false,
    };
  });
  await insertInBatches(db, flows, flowRows);
  await insertInBatches(
    db,
    connectionReferences,
    flowRows.map((f, i) => ({ flowId: f.id, connectionId: (i % 50 === 0 ? leavers : makers)[0]!.id, position: 0 })),
  );
  const past = new Date(Date.now() - 86_400_000);
  const owners: (typeof ownerGrants.$inferInsert)[] = [];
  const runOnly: (typeof runOnlyGrants.$inferInsert)[] = [];
  flowRows.forEach((f, i) => {
    owners.push({ flowId: f.id, principalKind: 'USER', userId: f.primaryOwnerId, addedById: f.primaryOwnerId });
    const pick = (k: number) => people[(i * 7 + k * 131) % people.length]!.id;
    // A flow whose primary owner left has no other owner: the audit's NO_ACTIVE_OWNER.
    if (f.primaryOwnerId !== maker.id) return;
    const chosen = [...new Set(Array.from({ length: OWNERS_PER_FLOW + RUN_ONLY_PER_FLOW + 4 }, (_, k) => pick(k)))].filter(
      (id) => id !== f.primaryOwnerId,
    );
    for (const [k, userId] of chosen.slice(0, OWNERS_PER_FLOW).entries()) {
      owners.push({ flowId: f.id, principalKind: 'USER', userId, addedById: maker.id, expiresAt: (i + k) % 50 === 0 ? past : null });
    }
    // One flow in eleven has a fourth run-only user: 100,000 grants in all.
    for (const [k, userId] of chosen.slice(OWNERS_PER_FLOW, OWNERS_PER_FLOW + RUN_ONLY_PER_FLOW + (i % 11 === 0 ? 1 : 0)).entries()) {
      runOnly.push({ flowId: f.id, principalKind: 'USER', userId, addedById: maker.id, expiresAt: (i + k) % 50 === 1 ? past : null });
    }
  });
  await insertInBatches(db, ownerGrants, owners);
  await insertInBatches(db, runOnlyGrants, runOnly);
  await db.execute(sql`analyze`);
  console.log(
    `seeded ${FLOWS} flows, ${owners.length + runOnly.length} grants, ${people.length} users in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { environmentId: env.id, admin, grants: owners.length + runOnly.length };
}

export async function benchAudit(databaseUrl: string) {
  const database = await openDatabase({ databaseUrl, poolSize: 10 });
  const { environmentId, admin, grants } = await seed(database.db);
  const feed = await LogFeed.start(database, { pollMs: 1000 });
  const server = await startServer({
    db: database.db,
    feed,
    verify: tokenVerifier({ kind: 'secret', secret: SECRET }),
    port: 0,
    host: '127.0.0.1',
    quiet: true,
  });
  try {
    const db = database.db;
    const [adminRow] = await db.select().from(users).where(eq(users.externalId, admin));
    const floor = await median(5, async () => {
      const perTable = (table: typeof ownerGrants | typeof runOnlyGrants) =>
        db
          .select({ n: count() })
          .from(table)
          .innerJoin(flows, eq(flows.id, table.flowId))
          .innerJoin(users, eq(users.id, table.userId))
          .where(and(eq(flows.environmentId, environmentId), sql`${users.kind} is not null`));
      await Promise.all([perTable(ownerGrants), perTable(runOnlyGrants)]);
    });
    let findings = 0;
    const byKind = new Map<string, number>();
    const direct = await median(5, async () => {
      const audit = await sharingAudit(db, adminRow!, environmentId);
      findings = audit.findings.length;
      byKind.clear();
      for (const f of audit.findings) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
    });
    const token = await signToken(SECRET, admin);
    const body = JSON.stringify({ query: QUERY, variables: { environmentId: globalId('Environment', environmentId) } });
    const overHttp = await median(3, async () => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      const result = (await response.json()) as { data?: { sharingAudit: { findings: unknown[] } }; errors?: unknown };
      if (!result.data || result.data.sharingAudit.findings.length !== findings)
        throw new Error(`audit over HTTP disagrees: ${JSON.stringify(result).slice(0, 300)}`);
    });

    console.log(
      `\nsharingAudit on PostgreSQL: ${FLOWS} flows, ${grants} grants, ${findings} findings (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')})`,
    );
    console.log('| what | median ms | × floor |');
    console.log('|---|---|---|');
    console.log(`| floor: read every grant of the environment with its user (one query per table) | ${floor.toFixed(0)} | 1.0 |`);
    console.log(`| sharingAudit (the use case, in process) | ${direct.toFixed(0)} | ${(direct / floor).toFixed(1)} |`);
    console.log(
      `| sharingAudit over HTTP, every finding with flow, principal, connection | ${overHttp.toFixed(0)} | ${(overHttp / floor).toFixed(1)} |`,
    );
  } finally {
    await server.close();
    await feed.close();
    await database.close();
  }
}
