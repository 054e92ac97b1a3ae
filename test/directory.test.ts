// Directory import: idempotent upserts in one transaction; a bad file changes nothing.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tables from '../src/db/tables.js';
import { DirectoryError, importDirectory } from '../src/directory/import.js';
import { isolatedDatabaseUrl, ok, startTestApp, type TestApp } from './support/app.js';
import { graphql } from './gql/index.js';
import { makeTenant, tenantDirectory } from './support/tenant.js';

let app: TestApp;
beforeAll(async () => {
  // Row counts of whole tables show that an import wrote nothing: on PostgreSQL, a database no
  // other test file writes to at the same time.
  app = await startTestApp({ databaseUrl: await isolatedDatabaseUrl() });
});
afterAll(() => app?.close());

const GroupMembers = graphql(`
  query GroupMembers($id: ID!) {
    node(id: $id) { ... on Group { displayName members(first: 100) { totalCount edges { node { externalId } } } } }
  }
`);
const ListEditors = graphql(`
  query ListEditors($id: ID!) {
    node(id: $id) { ... on SharePointList { title editors { totalCount edges { node { externalId } } } } }
  }
`);

/** Row counts of every directory table, to show that nothing was written. */
async function snapshot() {
  const { db } = app.database;
  const tablesToCount = [
    tables.tenants,
    tables.users,
    tables.groups,
    tables.groupMembers,
    tables.sharePointLists,
    tables.listEditors,
    tables.environments,
    tables.environmentUsers,
    tables.connectors,
  ];
  return Promise.all(tablesToCount.map(async (t) => (await db.select({ n: count() }).from(t))[0]!.n));
}

describe('directory import', () => {
  it('is idempotent: importing the same file twice changes nothing', async () => {
    const t = await makeTenant(app);
    const before = await snapshot();
    const summary = await importDirectory(app.database.db, t.directory);
    expect(summary).toMatchObject({ tenants: 1, users: 7, groups: 1, sharePointLists: 1, environments: 2, connectors: 2 });
    expect(await snapshot()).toEqual(before);
  });

  it('makes group members and list editors exactly what the file says', async () => {
    const t = await makeTenant(app);
    const members = async () =>
      ok(await app.gql(GroupMembers, { id: t.team }, t.tokens.maker)).node as {
        members: { totalCount: number; edges: { node: { externalId: string } }[] };
      };
    expect((await members()).members.totalCount).toBe(3);
    // Basic leaves the team and the list gains the team as an editor group.
    const dir = t.directory;
    await importDirectory(app.database.db, {
      groups: [{ ...dir.groups[0]!, displayName: 'Renamed team', members: [t.ext('maker'), t.ext('coowner')] }],
      sharePointLists: [{ ...dir.sharePointLists[0]!, editors: [t.ext('guest'), t.ext('team')] }],
    });
    const after = await members();
    expect(after.members.edges.map((e) => e.node.externalId).sort()).toEqual([t.ext('coowner'), t.ext('maker')].sort());
    const list = ok(await app.gql(ListEditors, { id: t.list }, t.tokens.maker)).node as {
      editors: { totalCount: number; edges: { node: { externalId: string } }[] };
    };
    // Guest directly, maker and coowner through the team; no one twice.
    expect(list.editors.edges.map((e) => e.node.externalId).sort()).toEqual([t.ext('coowner'), t.ext('guest'), t.ext('maker')].sort());
    expect(list.editors.totalCount).toBe(3);
  });

  it('updates users in place and reports those who departed', async () => {
    const t = await makeTenant(app);
    const bob = t.directory.users.find((u) => u.id === t.ext('coowner'))!;
    const summary = await importDirectory(app.database.db, { users: [{ ...bob, displayName: 'Bob Renamed', status: 'DEPARTED' }] });
    expect(summary.departedUsers).toEqual([t.ext('coowner')]);
    const [row] = await app.database.db.select().from(tables.users).where(eq(tables.users.externalId, bob.id));
    expect(row).toMatchObject({ displayName: 'Bob Renamed', status: 'DEPARTED' });
  });

  const bad: [string, (dir: ReturnType<typeof tenantDirectory>, tag: string) => unknown, RegExp][] = [
    [
      'an unknown tenant',
      (d, tag) => ({ ...d, users: [...d.users, { ...d.users[0]!, id: `x-${tag}`, tenant: 'no-such-tenant' }] }),
      /\$\.users\[7\]\.tenant: unknown tenant "no-such-tenant"/,
    ],
    [
      'a missing field',
      (d) => ({ ...d, users: d.users.map(({ email: _email, ...u }, i) => (i === 2 ? u : { ...u, email: _email })) }),
      /\$\.users\[2\]\.email: /,
    ],
    [
      'an unknown member',
      (d) => ({ ...d, groups: [{ ...d.groups[0]!, members: ['ghost'] }] }),
      /\$\.groups\[0\]\.members\[0\]: unknown user "ghost"/,
    ],
    [
      'a duplicate id',
      (d) => ({ ...d, users: [...d.users, d.users[1]!] }),
      /\$\.users\[7\]\.id: duplicate id ".*" \(first at \$\.users\[1\]\.id\)/,
    ],
    [
      'a user and a group with one id',
      (d) => ({ ...d, groups: [{ ...d.groups[0]!, id: d.users[0]!.id }] }),
      /\$\.groups\[0\]\.id: duplicate id/,
    ],
    [
      'an unknown security group',
      (d) => ({ ...d, environments: [{ ...d.environments[1]!, securityGroup: 'nope' }] }),
      /\$\.environments\[0\]\.securityGroup: unknown group "nope"/,
    ],
    [
      'a second default environment',
      (d) => ({ ...d, environments: [d.environments[0]!, { ...d.environments[1]!, isDefault: true }] }),
      /\$\.environments\[1\]\.isDefault: tenant ".*" already has a default environment/,
    ],
    [
      'an unknown field',
      (d) => ({ ...d, tenants: [{ ...d.tenants[0]!, colour: 'blue' }] }),
      /\$\.tenants\[0\]: Unrecognized key: "colour"/,
    ],
    ['a wrong enum value', (d) => ({ ...d, users: [{ ...d.users[0]!, license: 'GOLD' }] }), /\$\.users\[0\]\.license: /],
    ['not an object', () => [1, 2], /\$: /],
  ];
  for (const [what, spoil, message] of bad) {
    it(`refuses ${what}, naming the JSON path, and writes nothing`, async () => {
      const tag = Math.random().toString(36).slice(2, 10);
      const before = await snapshot();
      const error = await importDirectory(app.database.db, spoil(tenantDirectory(tag), tag)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DirectoryError);
      expect((error as Error).message).toMatch(message);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('refuses moving a user to another tenant', async () => {
    const [a, b] = await Promise.all([makeTenant(app), makeTenant(app)]);
    const moved = { ...a.directory.users[0]!, tenant: b.directory.tenants[0]!.id };
    await expect(importDirectory(app.database.db, { users: [moved] })).rejects.toThrow(
      /\$\.users\[0\]\.tenant: ".*" belongs to tenant ".*"; it cannot move/,
    );
  });

  it('refuses a group member of another tenant', async () => {
    const [a, b] = await Promise.all([makeTenant(app), makeTenant(app)]);
    const group = { ...a.directory.groups[0]!, members: [b.ext('maker')] };
    await expect(importDirectory(app.database.db, { groups: [group] })).rejects.toThrow(/is in tenant .*, not/);
    const rows = await app.database.db
      .select()
      .from(tables.groupMembers)
      .where(inArray(tables.groupMembers.groupId, [a.rows.groups.get('team')!]));
    expect(rows).toHaveLength(3);
  });
});

describe('npm run directory', () => {
  const run = promisify(execFile);
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowshare-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a file into the embedded database and refuses a bad one with its path', async () => {
    const file = join(dir, 'directory.json');
    writeFileSync(file, JSON.stringify(tenantDirectory('cli')));
    const env = { ...process.env, FLOWSHARE_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/directory/cli.ts', 'import', file], { env });
    expect(stdout).toMatch(/imported .*: 1 tenants, 7 users, 1 groups, 1 sharePointLists, 2 environments, 2 connectors/);

    const badFile = join(dir, 'bad.json');
    writeFileSync(badFile, JSON.stringify({ users: [{ id: 'x' }] }));
    const failed = await run(process.execPath, ['--import', 'tsx', 'src/directory/cli.ts', 'import', badFile], { env }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/directory refused, nothing was written:\n\s+\$\.users\[0\]\.tenant/);
  }, 60_000);

  it('makes, lists and revokes SCIM tokens (printed once, stored as a digest) and lists the directory changes', async () => {
    const file = join(dir, 'tokens.json');
    writeFileSync(file, JSON.stringify(tenantDirectory('tok')));
    const env = { ...process.env, FLOWSHARE_DATA_DIR: join(dir, 'tokens-data'), DATABASE_URL: '' };
    const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/directory/cli.ts', ...args], { env });
    await cli('import', file);
    const made = (await cli('scim-token', 'tenant-tok')).stdout;
    const [, id, token] = /^SCIM token (\S+) for tenant tenant-tok .*\n(fsscim_\S+)\n$/.exec(made)!;
    expect((await cli('scim-tokens', 'tenant-tok')).stdout).toMatch(new RegExp(`^${id}  made `));
    expect((await cli('changes', 'tenant-tok')).stdout).toMatch(
      /^#\d+ {2}\S+ {2}IMPORT {2}- {2}IMPORTED {2}DIRECTORY {2}- {2}7 users, 1 groups, 1 lists, 2 environments written\n$/,
    );
    expect((await cli('revoke-scim-token', id!)).stdout).toBe(`revoked SCIM token ${id}\n`);
    expect(token).toMatch(/^fsscim_[A-Za-z0-9_-]{43}$/);

    for (const [args, code, message] of [
      [['scim-token', 'nobody'], 1, /no tenant "nobody"/],
      [['changes'], 2, /usage: npm run directory/],
    ] as const) {
      const failed = await cli(...args).catch((e: { code: number; stderr: string }) => e);
      expect(failed, args.join(' ')).toMatchObject({ code, stderr: expect.stringMatching(message) });
    }
  }, 120_000);
});
