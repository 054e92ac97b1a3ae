// Who is calling: a SCIM client signs in with its tenant's bearer token (FLOWSHARE_SCIM_TOKENS:
// tenant directory id → token). Tokens are compared by their SHA-256 digests, so the lookup
// takes the same time whatever a wrong token shares with a right one. Everything a client
// does afterwards is confined to that tenant: another tenant's ids are 404.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { tenants } from '../db/tables.js';
import { scimError } from './errors.js';

/** Tenant directory id → bearer token. */
export type ScimTokens = Record<string, string>;

export type ScimTenant = { id: string; externalId: string };

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest('base64');

export function scimAuthenticator(db: Db, tokens: ScimTokens) {
  const byDigest = new Map(Object.entries(tokens).map(([tenant, token]) => [digest(token), tenant]));
  /** The caller's tenant, or a 401 SCIM error. */
  return async function authenticate(authorization: string | undefined): Promise<ScimTenant> {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!token) throw scimError(401, null, 'Send the tenant\'s SCIM token as "Authorization: Bearer <token>".');
    const externalId = byDigest.get(digest(token));
    if (externalId === undefined) throw scimError(401, null, 'The token is not valid.');
    const [tenant] = await db.select({ id: tenants.id, externalId: tenants.externalId }).from(tenants).where(eq(tenants.externalId, externalId));
    if (!tenant) throw scimError(401, null, 'The token\'s tenant is not in the directory (import it first).');
    return tenant;
  };
}
