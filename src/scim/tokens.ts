// SCIM bearer tokens kept in the database: made once by the CLI (`npm run directory --
// scim-token TENANT_ID`), which prints the token and stores only its SHA-256 digest, so a copy
// of the database lets no one in. Revoked by id.
import { createHash, randomBytes } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { scimTokens, tenants } from '../db/tables.js';

export const tokenDigest = (token: string) => createHash('sha256').update(token, 'utf8').digest('base64');

/** A new token for the tenant (by its directory id): returned once, never stored. Null: no such tenant. */
export async function createScimToken(db: Db, tenantExternalId: string): Promise<{ id: string; token: string } | null> {
  const [tenant] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.externalId, tenantExternalId));
  if (!tenant) return null;
  const token = `fsscim_${randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(scimTokens)
    .values({ tenantId: tenant.id, digest: tokenDigest(token) })
    .returning({ id: scimTokens.id });
  return { id: row!.id, token };
}

/** The tenant's stored tokens (ids and dates only). */
export async function listScimTokens(db: Db, tenantExternalId: string) {
  return db
    .select({ id: scimTokens.id, createdAt: scimTokens.createdAt })
    .from(scimTokens)
    .innerJoin(tenants, eq(tenants.id, scimTokens.tenantId))
    .where(eq(tenants.externalId, tenantExternalId))
    .orderBy(asc(scimTokens.createdAt));
}

/** Revokes a stored token by id; false when there is none. */
export async function revokeScimToken(db: Db, id: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  const gone = await db.delete(scimTokens).where(eq(scimTokens.id, id)).returning({ id: scimTokens.id });
  return gone.length > 0;
}
