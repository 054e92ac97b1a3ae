// The SCIM 2.0 front door under /scim/v2 (RFC 7644): routes a request to scimmy's resources
// (users.ts, groups.ts) inside ONE transaction per request, in the caller's tenant (auth.ts).
// Users who leave with a request (active false, DELETE) get S17's effects in that transaction
// (departUsers); after the commit this process's streams re-check at once (feed.wake) and the
// other processes are told (notify: NOTIFY on the directory channel), so the departed are
// refused on their next request and their open streams end (S26). Every write is recorded
// (directory_changes, in the same transaction) and logged as one JSON line after the commit.
import type { IncomingMessage, ServerResponse } from 'node:http';
import SCIMMY from 'scimmy';
import type { Db } from '../db/open.js';
import { retryingLostRaces } from '../db/retry.js';
import { changeLogLine, recordChanges, type DirectoryChange } from '../directory/changes.js';
import { departUsers, lockTenant } from '../directory/write.js';
import type { LogFeed } from '../events/feed.js';
import { redactForLog } from '../redact.js';
import { resumeFlowsRegainingOwners } from '../sharing/resume.js';
import { scimAuthenticator, type ScimTokens } from './auth.js';
import { scimChanges } from './changes.js';
import type { ScimContext } from './context.js';
import { discover, MAX_RESULTS, SCIM_PATH, setUpScimmy } from './discovery.js';
import { errorResponse, ScimError, scimError } from './errors.js';
import { listGroups } from './groups.js';
import { entraBooleans, listUsers } from './users.js';

export { SCIM_PATH };

export type ScimOptions = {
  /** Tenant directory id → bearer token (FLOWSHARE_SCIM_TOKENS). */
  tokens: ScimTokens;
  /** After the commit of a departure: tell the other processes (notifyDirectoryChange). */
  notify?: () => Promise<void>;
};

/** Largest request body, in bytes (as ServiceProviderConfig's bulk.maxPayloadSize). */
const MAX_BODY_BYTES = 1_048_576;
const DEFAULT_COUNT = 100;
const CONTENT_TYPE = 'application/scim+json; charset=utf-8';

export function isScimPath(url: string | undefined): boolean {
  const path = (url ?? '').split('?')[0]!;
  return path === SCIM_PATH || path.startsWith(`${SCIM_PATH}/`);
}

export function scimHandler(services: { db: Db; feed: LogFeed; quiet?: boolean }, options: ScimOptions) {
  setUpScimmy();
  const { db, feed } = services;
  const authenticate = scimAuthenticator(db, options.tokens);
  const unexpected = (error: unknown) => {
    if (!services.quiet) console.error('SCIM request failed:', redactForLog(error));
  };

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let status = 200;
    let body: object | undefined;
    let location: string | undefined;
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const segments = url.pathname.slice(SCIM_PATH.length).split('/').filter(Boolean).map(decodeURIComponent);
      const method = req.method ?? 'GET';
      const discovered = await discover(method, segments);
      if (discovered) {
        body = discovered;
      } else {
        const tenant = await authenticate(req.headers.authorization);
        const [endpoint, id, ...rest] = segments;
        const Resource = endpoint === 'Users' ? SCIMMY.Resources.User : endpoint === 'Groups' ? SCIMMY.Resources.Group : undefined;
        if (!Resource || rest.length > 0) throw scimError(404, null, `No endpoint ${SCIM_PATH}/${segments.join('/')}`);
        const input = ['POST', 'PUT', 'PATCH'].includes(method) ? await readJson(req) : undefined;
        const ctx: ScimContext = {
          tx: undefined as never,
          tenant,
          departed: [],
          returned: [],
          groupsWritten: [],
          created: false,
          eventsWritten: false,
        };
        let suspended = 0;
        let resumed = 0;
        let changes: DirectoryChange[] = [];
        try {
          // A lost race (a deadlock with a sharing change) is run again, as GraphQL mutations are.
          body = await retryingLostRaces(() =>
            db.transaction(async (tx) => {
              // Afresh on each try: what a lost try did was rolled back.
              Object.assign(ctx, {
                tx,
                departed: [],
                returned: [],
                groupsWritten: [],
                created: false,
                eventsWritten: false,
                failure: undefined,
              });
              // A write holds its tenant's lock from its first read (a PATCH reads, then writes the
              // whole resource): concurrent member adds to one group can't lose each other, and
              // userName stays unique. Taken before any lock of src/sharing/locks.ts.
              if (method !== 'GET') await lockTenant(tx, tenant.id);
              // scimmy turns a handler's error into its own: the one guard kept is what failed (a lost race too).
              const result = await operate(ctx, Resource, endpoint!, method, id, url.searchParams, input).catch((error: unknown) => {
                throw ctx.failure ?? error;
              });
              suspended = (await departUsers(tx, ctx.departed)).suspendedFlowIds.length;
              resumed = (await resumeFlowsRegainingOwners(tx, { userIds: ctx.returned, groupIds: ctx.groupsWritten })).resumedFlowIds
                .length;
              changes = scimChanges(ctx, { endpoint: endpoint!, method, id, input, result });
              await recordChanges(tx, changes);
              return result;
            }),
          );
        } catch (error) {
          throw ctx.failure ?? error;
        }
        if (!services.quiet) for (const change of changes) console.log(changeLogLine(change));
        if (ctx.departed.length > 0 || suspended > 0 || resumed > 0 || ctx.eventsWritten) await feed.wake();
        if (ctx.departed.length > 0) await options.notify?.();
        if (method === 'DELETE') status = 204;
        else if (ctx.created) {
          status = 201;
          const self = (body as { id?: string }).id;
          location = `http://${req.headers.host ?? 'localhost'}${SCIM_PATH}/${endpoint}/${self}`;
        }
      }
    } catch (error) {
      ({ status, body } = errorResponse(error, unexpected));
    }
    const headers: Record<string, string> = { 'content-type': CONTENT_TYPE };
    if (location) headers.location = location;
    if (status === 204) res.writeHead(204).end();
    else res.writeHead(status, headers).end(JSON.stringify(body));
  };
}

type ResourceClass = typeof SCIMMY.Resources.User | typeof SCIMMY.Resources.Group;

/** One SCIM operation on Users or Groups, through scimmy's resource (parsing, schema, PatchOp). */
async function operate(
  ctx: ScimContext,
  Resource: ResourceClass,
  endpoint: string,
  method: string,
  id: string | undefined,
  query: URLSearchParams,
  input: unknown,
): Promise<object | undefined> {
  const shape = Object.fromEntries(['attributes', 'excludedAttributes'].flatMap((k) => (query.has(k) ? [[k, query.get(k)!]] : [])));
  if (id === undefined) {
    if (method === 'GET') return list(ctx, Resource, endpoint, query, shape);
    if (method === 'POST') return new Resource(undefined, shape).write(input, ctx);
  } else {
    if (method === 'GET') return new Resource(id, shape).read(ctx);
    if (method === 'PUT') return new Resource(id, shape).write(input, ctx);
    if (method === 'PATCH') {
      const resource = new Resource(id, shape);
      // scimmy answers nothing when the operations change nothing: answer the resource as it is.
      return (await resource.patch(entraBooleans(input) as never, ctx)) ?? resource.read(ctx);
    }
    if (method === 'DELETE') {
      await new Resource(id).dispose(ctx);
      return undefined;
    }
  }
  throw scimError(404, null, `No ${method} ${SCIM_PATH}/${endpoint}${id === undefined ? '' : '/{id}'}`);
}

/** A list response: scimmy parses the query (filter, attributes), we page in SQL (filter.ts). */
async function list(ctx: ScimContext, Resource: ResourceClass, endpoint: string, query: URLSearchParams, shape: Record<string, string>) {
  const startIndex = Math.max(1, integer(query.get('startIndex')) ?? 1);
  const count = Math.min(MAX_RESULTS, Math.max(0, integer(query.get('count')) ?? DEFAULT_COUNT));
  const filter = query.get('filter');
  const request = new Resource(undefined, { ...shape, ...(filter === null ? {} : { filter }) });
  const { total, page } = await (endpoint === 'Users' ? listUsers : listGroups)(ctx, request.filter, startIndex, count);
  const Schema = endpoint === 'Users' ? SCIMMY.Schemas.User : SCIMMY.Schemas.Group;
  const response = new SCIMMY.Messages.ListResponse<SCIMMY.Types.Schema>([], { startIndex, count: page.length, totalResults: total });
  // Already the page asked for: set after construction, which would page a full list again.
  response.Resources = page.map((r) => new Schema(r, 'out', Resource.basepath() as string, request.attributes));
  return response;
}

function integer(value: string | null): number | undefined {
  if (value === null || !/^-?\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw scimError(413, null, `The request body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw scimError(400, 'invalidSyntax', 'The request body is not valid JSON');
  }
}

export { ScimError };
