// What a SCIM request changed, as rows of the directory's record (src/directory/changes.ts):
// one for the request (USER_CREATED, GROUP_PATCHED, ...) and one per user who left with it.
// The detail names what was asked (the name given, the PATCH operations' paths), not values.
import type { DirectoryChange } from '../directory/changes.js';
import type { ScimContext } from './context.js';

const VERBS: Record<string, string> = { POST: 'CREATED', PUT: 'REPLACED', PATCH: 'PATCHED', DELETE: 'DELETED' };
const MAX_DETAIL = 500;

export function scimChanges(
  ctx: ScimContext,
  request: { endpoint: string; method: string; id: string | undefined; input: unknown; result: object | undefined },
): DirectoryChange[] {
  const verb = VERBS[request.method];
  if (!verb) return [];
  const kind = request.endpoint === 'Users' ? 'USER' : 'GROUP';
  const base = { tenantId: ctx.tenant.id, source: 'SCIM' as const, credential: ctx.tenant.credential };
  const resourceId = (request.result as { id?: string } | undefined)?.id ?? request.id ?? null;
  return [
    { ...base, action: `${kind}_${verb}`, resourceKind: kind, resourceId, detail: detailOf(kind, request.method, request.input) },
    ...ctx.departed.map((id) => ({
      ...base,
      action: 'USER_DEPARTED',
      resourceKind: 'USER' as const,
      resourceId: id,
      detail: 'connections to ERROR, flows left with no active owner suspended (S17)',
    })),
  ];
}

function detailOf(kind: 'USER' | 'GROUP', method: string, input: unknown): string {
  const body = (input ?? {}) as Record<string, unknown>;
  let detail = '';
  if (method === 'PATCH') {
    const operations = Array.isArray(body.Operations) ? (body.Operations as Record<string, unknown>[]) : [];
    detail = operations
      .map(
        (o) =>
          `${String(o?.op ?? '?').toLowerCase()} ${typeof o?.path === 'string' ? o.path : Object.keys((o?.value as object) ?? {}).join(',')}`,
      )
      .join('; ');
  } else if (method !== 'DELETE') {
    detail =
      kind === 'USER'
        ? `userName ${JSON.stringify(body.userName ?? null)}, active ${JSON.stringify(body.active ?? true)}`
        : `displayName ${JSON.stringify(body.displayName ?? null)}, ${Array.isArray(body.members) ? body.members.length : 0} members`;
  }
  return detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}…` : detail;
}
