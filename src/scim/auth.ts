// Who is calling: a SCIM client signs in with its tenant's bearer token, either one made by
// `npm run directory -- scim-token TENANT_ID` (tokens.ts: only its SHA-256 digest is stored)
// or one given at start in FLOWSHARE_SCIM_TOKENS (tenant directory id → token; development and
// CI). Tokens are compared by their digests, so the lookup takes the same time whatever a wrong
// token shares with a right one. Everything a client does afterwards is confined to that
// tenant: another tenant's ids are 404.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { scimTokens, tenants } from '../db/tables.js';
import { scimError } from './errors.js';
import { tokenDigest } from './tokens.js';

/** Tenant directory id → bearer token. */
export type ScimTokens = Record<string, string>;

/** The caller's tenant, and the label of the token it used (for the record of changes). */
export type ScimTenant = { id: string; externalId: string; credential: string };

export function scimAuthenticator(db: Db, tokens: ScimTokens) {
  const configured = new Map(Object.entries(tokens).map(([tenant, token]) => [tokenDigest(token), tenant]));
  /** The caller's tenant, or a 401 SCIM error. */
  return async function authenticate(authorization: string | undefined): Promise<ScimTenant> {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!token) throw scimError(401, null, 'Send the tenant\'s SCIM token as "Authorization: Bearer <token>".');
    const digest = tokenDigest(token);
    const externalId = configured.get(digest);
    if (externalId !== undefined) {
      const [tenant] = await db
        .select({ id: tenants.id, externalId: tenants.externalId })
        .from(tenants)
        .where(eq(tenants.externalId, externalId));
      if (!tenant) throw scimError(401, null, "The token's tenant is not in the directory (import it first).");
      return { ...tenant, credential: `env:${digest.slice(0, 8)}` };
    }
    const [stored] = await db
      .select({ id: tenants.id, externalId: tenants.externalId, tokenId: scimTokens.id })
      .from(scimTokens)
      .innerJoin(tenants, eq(tenants.id, scimTokens.tenantId))
      .where(eq(scimTokens.digest, digest));
    if (!stored) throw scimError(401, null, 'The token is not valid.');
    return { id: stored.id, externalId: stored.externalId, credential: `token:${stored.tokenId}` };
  };
}
