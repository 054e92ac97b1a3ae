// A SCIM 2.0 client for the tests: plain fetch, and the bodies Entra ID and Okta really send.
import { randomUUID } from 'node:crypto';

export const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const CORE_GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const FLOWSHARE = 'urn:ietf:params:scim:schemas:extension:flowshare:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

// biome-ignore lint/suspicious/noExplicitAny: SCIM answers are arbitrary JSON, read loosely by the tests that check them.
export type Reply = { status: number; type: string | null; location: string | null; body: any };

/** Requests against a server's /scim/v2, given its GraphQL url. */
export function scimClient(graphqlUrl: string) {
  const base = graphqlUrl.replace(/\/graphql$/, '/scim/v2');
  return async function scim(token: string | null, method: string, path: string, body?: unknown): Promise<Reply> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        accept: 'application/scim+json',
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      location: response.headers.get('location'),
      body: text ? JSON.parse(text) : undefined,
    };
  };
}

export const byUserName = (userName: string) => `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`;

/** What Entra ID sends to create a user (its default attribute mappings). */
export function entraUser(tag: string) {
  return {
    schemas: [CORE_USER, ENTERPRISE],
    externalId: `entra-${randomUUID()}`,
    userName: `Dana.${tag}@Example.com`,
    active: true,
    displayName: `Dana ${tag}`,
    emails: [{ primary: true, type: 'work', value: `dana.${tag}@example.com` }],
    meta: { resourceType: 'User' },
    name: { formatted: `Dana ${tag}`, familyName: 'Dana', givenName: tag },
    [ENTERPRISE]: { department: 'Finance' },
  };
}

/** What Okta sends to create a user: no externalId. */
export function oktaUser(tag: string, active = true) {
  return {
    schemas: [CORE_USER],
    userName: `omar.${tag}@example.com`,
    name: { givenName: 'Omar', familyName: tag },
    emails: [{ primary: true, value: `omar.${tag}@example.com`, type: 'work' }],
    displayName: `Omar ${tag}`,
    locale: 'en-US',
    externalId: undefined,
    groups: [],
    password: undefined,
    active,
  };
}
