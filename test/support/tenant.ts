// A fresh tenant per test (or per file): the cast of the source document with unique ids,
// imported through the real directory import. Tests that share a database never collide.
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { connectors, environments, groups, sharePointLists, users } from '../../src/db/tables.js';
import type { DirectoryFile } from '../../src/directory/format.js';
import { importDirectory } from '../../src/directory/import.js';
import { globalId } from '../../src/graphql/ids.js';
import type { TestApp } from './app.js';

const PEOPLE = {
  maker: { license: 'PREMIUM', kind: 'MEMBER', role: 'ENVIRONMENT_MAKER' },
  coowner: { license: 'SEEDED', kind: 'MEMBER', role: 'ENVIRONMENT_MAKER' },
  free: { license: 'FREE', kind: 'MEMBER', role: 'ENVIRONMENT_MAKER' },
  guest: { license: 'PREMIUM', kind: 'GUEST', role: 'ENVIRONMENT_MAKER' },
  basic: { license: 'SEEDED', kind: 'MEMBER', role: 'BASIC_USER' },
  admin: { license: 'PREMIUM', kind: 'MEMBER', role: 'ENVIRONMENT_ADMIN' },
  /** In the tenant, in no environment and no group. */
  outsider: { license: 'PREMIUM', kind: 'MEMBER', role: null },
} as const;
export type Person = keyof typeof PEOPLE;

export type Tenant = Awaited<ReturnType<typeof makeTenant>>;

export function tenantDirectory(tag: string, cloud: 'COMMERCIAL' | 'GCC_HIGH' = 'COMMERCIAL') {
  const id = (name: string) => `${name}-${tag}`;
  const tenant = id('tenant');
  const people = Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][];
  return {
    tenants: [{ id: tenant, displayName: `Tenant ${tag}`, cloud }],
    users: people.map(([name, p]) => ({
      id: id(name),
      tenant,
      displayName: `${name[0]!.toUpperCase()}${name.slice(1)} ${tag}`,
      email: `${name}.${tag}@example.com`,
      kind: p.kind,
      license: p.license,
      status: 'ACTIVE' as const,
    })),
    groups: [{ id: id('team'), tenant, displayName: `Team ${tag}`, members: [id('maker'), id('coowner'), id('basic')] }],
    sharePointLists: [
      { id: id('list'), tenant, title: `List ${tag}`, siteUrl: 'https://example.sharepoint.com/sites/x', editors: [id('coowner')] },
    ],
    environments: [
      {
        id: id('default'),
        tenant,
        displayName: `Default ${tag}`,
        isDefault: true,
        securityGroup: null,
        users: people.filter(([, p]) => p.role).map(([name, p]) => ({ user: id(name), role: p.role })),
      },
      {
        id: id('secured'),
        tenant,
        displayName: `Secured ${tag}`,
        isDefault: false,
        securityGroup: id('team'),
        users: [
          { user: id('maker'), role: 'ENVIRONMENT_MAKER' as const },
          { user: id('guest'), role: 'ENVIRONMENT_MAKER' as const },
          { user: id('admin'), role: 'ENVIRONMENT_ADMIN' as const },
        ],
      },
    ],
    connectors: [
      { id: id('sharepoint'), displayName: `SharePoint ${tag}` },
      { id: id('outlook'), displayName: `Outlook ${tag}` },
    ],
  } satisfies DirectoryFile;
}

export async function makeTenant(app: TestApp, cloud: 'COMMERCIAL' | 'GCC_HIGH' = 'COMMERCIAL') {
  const tag = randomUUID().slice(0, 8);
  const directory = tenantDirectory(tag, cloud);
  await importDirectory(app.database.db, directory);
  const { db } = app.database;
  const ext = (name: string) => `${name}-${tag}`;
  const lookup = async (
    table: typeof users | typeof groups | typeof sharePointLists | typeof environments | typeof connectors,
    names: string[],
  ) => {
    const rows = await db
      .select({ id: table.id, externalId: table.externalId })
      .from(table)
      .where(inArray(table.externalId, names.map(ext)));
    return new Map(rows.map((r) => [r.externalId.slice(0, -tag.length - 1), r.id]));
  };
  const people = Object.keys(PEOPLE) as Person[];
  const [userIds, groupIds, listIds, envIds, connectorIds] = await Promise.all([
    lookup(users, people),
    lookup(groups, ['team']),
    lookup(sharePointLists, ['list']),
    lookup(environments, ['default', 'secured']),
    lookup(connectors, ['sharepoint', 'outlook']),
  ]);
  const tokens = Object.fromEntries(await Promise.all(people.map(async (p) => [p, await app.token(ext(p))]))) as Record<Person, string>;
  const userGid = Object.fromEntries(people.map((p) => [p, globalId('User', userIds.get(p)!)])) as Record<Person, string>;
  return {
    tag,
    directory,
    ext,
    tokens,
    /** Row ids (uuids), for fixtures that write to the database directly. */
    rows: { users: userIds, groups: groupIds, lists: listIds, environments: envIds, connectors: connectorIds },
    users: userGid,
    team: globalId('Group', groupIds.get('team')!),
    list: globalId('SharePointList', listIds.get('list')!),
    defaultEnv: globalId('Environment', envIds.get('default')!),
    securedEnv: globalId('Environment', envIds.get('secured')!),
    sharepoint: globalId('Connector', connectorIds.get('sharepoint')!),
    outlook: globalId('Connector', connectorIds.get('outlook')!),
  };
}
