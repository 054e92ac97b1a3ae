// What a SCIM client learns before it provisions (RFC 7644 §4): ServiceProviderConfig,
// ResourceTypes and Schemas, all made by scimmy from its configuration and the resources we
// declare (users.ts, groups.ts). Answered without a token: they say nothing of any tenant.
import SCIMMY from 'scimmy';
import { declareGroups } from './groups.js';
import { declareUsers } from './users.js';
import { scimError } from './errors.js';

export const SCIM_PATH = '/scim/v2';
/** Most resources in one list response (filter.maxResults); a larger `count` is cut to it. */
export const MAX_RESULTS = 200;

let declared = false;

/** scimmy is one configuration per process: set it up once. */
export function setUpScimmy(): void {
  if (declared) return;
  declared = true;
  SCIMMY.Config.set({
    patch: true,
    filter: { supported: true, maxResults: MAX_RESULTS },
    bulk: false,
    sort: false,
    etag: false,
    changePassword: false,
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: "The tenant's SCIM token, as `Authorization: Bearer <token>` (FLOWSHARE_SCIM_TOKENS).",
        primary: true,
      },
    ],
  });
  declareUsers();
  declareGroups();
  for (const resource of [
    SCIMMY.Resources.User,
    SCIMMY.Resources.Group,
    SCIMMY.Resources.Schema,
    SCIMMY.Resources.ResourceType,
    SCIMMY.Resources.ServiceProviderConfig,
  ]) {
    (resource as unknown as { basepath(path: string): unknown }).basepath(SCIM_PATH);
  }
}

/** The discovery endpoints: `ServiceProviderConfig`, `ResourceTypes[/id]`, `Schemas[/id]`; undefined for any other path. */
export async function discover(method: string, segments: string[]): Promise<object | undefined> {
  const [endpoint, id, ...rest] = segments;
  if (!['ServiceProviderConfig', 'ResourceTypes', 'Schemas'].includes(endpoint ?? '')) return undefined;
  if (method !== 'GET' || rest.length > 0 || (endpoint === 'ServiceProviderConfig' && id !== undefined)) {
    throw scimError(404, null, `No ${method} ${SCIM_PATH}/${segments.join('/')}`);
  }
  if (endpoint === 'ServiceProviderConfig') return new SCIMMY.Resources.ServiceProviderConfig().read();
  if (endpoint === 'ResourceTypes')
    return id === undefined ? new SCIMMY.Resources.ResourceType().read() : new SCIMMY.Resources.ResourceType(id).read();
  return id === undefined ? new SCIMMY.Resources.Schema().read() : new SCIMMY.Resources.Schema(id).read();
}
