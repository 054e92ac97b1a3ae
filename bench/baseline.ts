// The floor for the myFlows case: a plain node:http handler that answers the same data
// with hand-written SQL through postgres.js. No GraphQL, no DataLoader, no policy module.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import postgres from 'postgres';
import type { VerifyToken } from '../src/auth/tokens.js';

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

export async function startBaseline(databaseUrl: string, verify: VerifyToken): Promise<{ url: string; close(): Promise<void> }> {
  const sql = postgres(databaseUrl, { max: 10, onnotice: () => {} });

  async function myFlows(subject: string) {
    const [me] = await sql`select id from users where external_id = ${subject} and status = 'ACTIVE'`;
    if (!me) return null;
    const flows = await sql`
      select f.id, f.display_name, f.creator_id, f.primary_owner_id, c.display_name as creator_name,
             e.id as env_id, e.display_name as env_name, eu.role
      from flows f
      join users c on c.id = f.creator_id
      join environments e on e.id = f.environment_id
      left join environment_users eu on eu.environment_id = e.id and eu.user_id = ${me.id}
      where f.primary_owner_id = ${me.id}
      order by f.created_at desc, f.id desc
      limit 100`;
    const ids = flows.map((f) => f.id as string);
    const [owners, refs, actions] = await Promise.all([
      sql`
        select g.flow_id, g.principal_kind, g.added_at, coalesce(g.user_id, g.group_id, g.list_id) as principal_id,
               coalesce(u.display_name, gr.display_name) as name, l.title, u.email,
               ab.id as added_by_id, ab.display_name as added_by_name
        from owner_grants g
        left join users u on u.id = g.user_id
        left join groups gr on gr.id = g.group_id
        left join sharepoint_lists l on l.id = g.list_id
        left join users ab on ab.id = g.added_by_id
        where g.flow_id = any(${ids}::uuid[]) and (g.expires_at is null or g.expires_at > now())
        order by g.added_at, g.id`,
      sql`
        select r.id, r.flow_id, exists (select 1 from flow_actions a where a.connection_reference_id = r.id) as used,
               c.id as connection_id, c.display_name, c.status, o.id as owner_id, o.display_name as owner_name,
               k.display_name as connector_name
        from connection_references r
        join connections c on c.id = r.connection_id
        join users o on o.id = c.owner_id
        join connectors k on k.id = c.connector_id
        where r.flow_id = any(${ids}::uuid[])
        order by r.position`,
      sql`select flow_id, name from flow_actions where flow_id = any(${ids}::uuid[]) order by position`,
    ]);
    const byFlow = <T extends { flow_id: string }>(rows: readonly T[]) => {
      const out = new Map<string, T[]>();
      for (const row of rows) out.set(row.flow_id, [...(out.get(row.flow_id) ?? []), row]);
      return out;
    };
    const ownersOf = byFlow(owners as unknown as { flow_id: string }[]);
    const refsOf = byFlow(refs as unknown as { flow_id: string }[]);
    const actionsOf = byFlow(actions as unknown as { flow_id: string }[]);
    const typename = { USER: 'User', GROUP: 'Group', LIST: 'SharePointList' } as Record<string, string>;
    return {
      data: {
        myFlows: {
          edges: flows.map((f) => ({
            node: {
              id: gid('Flow', f.id),
              displayName: f.display_name,
              creator: { id: gid('User', f.creator_id), displayName: f.creator_name },
              environment: { id: gid('Environment', f.env_id), displayName: f.env_name, viewerRole: f.role },
              owners: {
                totalCount: ownersOf.get(f.id)?.length ?? 0,
                edges: (ownersOf.get(f.id) ?? []).map((o: Record<string, string>) => ({
                  isPrimaryOwner: o.principal_kind === 'USER' && o.principal_id === f.primary_owner_id,
                  addedBy: o.added_by_id ? { id: gid('User', o.added_by_id), displayName: o.added_by_name } : null,
                  node: {
                    __typename: typename[o.principal_kind!],
                    id: gid(typename[o.principal_kind!]!, o.principal_id!),
                    ...(o.principal_kind === 'LIST' ? { title: o.title } : { displayName: o.name }),
                    ...(o.principal_kind === 'USER' ? { email: o.email } : {}),
                  },
                })),
              },
              connectionReferences: (refsOf.get(f.id) ?? []).map((r: Record<string, unknown>) => ({
                id: gid('ConnectionReference', r.id as string),
                usage: r.used ? 'EMBEDDED' : 'OTHER',
                connection: {
                  id: gid('Connection', r.connection_id as string),
                  displayName: r.display_name,
                  status: r.status,
                  owner: { id: gid('User', r.owner_id as string), displayName: r.owner_name },
                  connector: { displayName: r.connector_name },
                },
              })),
              actions: (actionsOf.get(f.id) ?? []).map((a: Record<string, unknown>) => ({ name: a.name })),
              viewerAccess: {
                level: 'OWNER',
                canEdit: true,
                paths: [
                  ...(f.creator_id === me.id ? [{ kind: 'CREATOR', via: { __typename: 'User' } }] : []),
                  { kind: 'PRIMARY_OWNER', via: { __typename: 'User' } },
                ],
              },
            },
          })),
        },
      },
    };
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      try {
        const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
        const { subject } = await verify(token ?? '');
        const body = await myFlows(subject);
        res.writeHead(body ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      } catch (error) {
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: (error as Error).message }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sql.end({ timeout: 5 });
    },
  };
}
