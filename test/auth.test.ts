// Sign-in: a Bearer JWT whose `sub` is a directory user. Anything else is UNAUTHENTICATED.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDirectory } from '../src/directory/import.js';
import { signToken, tokenVerifier } from '../src/auth/tokens.js';
import { ok, startTestApp, TEST_SECRET, type TestApp } from './support/app.js';
import { MyFlows, ViewerQuery } from './support/documents.js';
import { makeTenant, type Tenant } from './support/tenant.js';

let app: TestApp;
let t: Tenant;

beforeAll(async () => {
  app = await startTestApp();
  t = await makeTenant(app);
});
afterAll(() => app?.close());

describe('sign-in over HTTP', () => {
  it('a good token signs the user in', async () => {
    const { viewer } = ok(await app.gql(ViewerQuery, {}, t.tokens.maker));
    expect(viewer).toMatchObject({
      id: t.users.maker,
      externalId: t.ext('maker'),
      license: 'PREMIUM',
      kind: 'MEMBER',
      status: 'ACTIVE',
      tenant: { cloud: 'COMMERCIAL' },
    });
  });

  it('no token: viewer is null and everything else is UNAUTHENTICATED', async () => {
    expect(ok(await app.gql(ViewerQuery, {}, null)).viewer).toBeNull();
    const result = await app.gql(MyFlows, {}, null);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  const refusals: [string, () => Promise<string>, RegExp][] = [
    ['a forged token', () => signToken('another-secret-that-is-long-enough-to-sign', `maker-placeholder`), /signature/],
    ['an expired token', () => signToken(TEST_SECRET, 'maker-placeholder', { expiresIn: -60 }), /expired/],
    ['a token for no directory user', () => signToken(TEST_SECRET, 'nobody-at-all'), /no user/],
    [
      'a token without exp',
      () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('x').sign(new TextEncoder().encode(TEST_SECRET)),
      /exp/,
    ],
    ['a token signed with "none"', async () => `${b64({ alg: 'none' })}.${b64({ sub: 'x', exp: 9999999999 })}.`, /not valid|JWT/],
    ['garbage', async () => 'not-a-jwt', /not a valid JWT/],
  ];
  for (const [what, make, reason] of refusals) {
    it(`${what} gets UNAUTHENTICATED (401), never data`, async () => {
      const token = (await make()).replace('maker-placeholder', t.ext('maker'));
      const result = await app.gql(ViewerQuery, {}, token);
      expect(result.status).toBe(401);
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.errors?.[0]?.message).toMatch(reason);
    });
  }

  it('a malformed Authorization header gets UNAUTHENTICATED', async () => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a user who has left the organization is signed out', async () => {
    const tenant = await makeTenant(app);
    const departing = tenant.directory.users.find((u) => u.id === tenant.ext('free'))!;
    await importDirectory(app.database.db, { users: [{ ...departing, status: 'DEPARTED' }] });
    const result = await app.gql(ViewerQuery, {}, tenant.tokens.free);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(result.errors?.[0]?.message).toMatch(/left the organization/);
  });
});

describe('token verification settings', () => {
  it('verifies RS256 tokens against a JWKS endpoint (production)', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const jwks = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = jwks.address() as AddressInfo;
      const verify = tokenVerifier({ kind: 'jwks', jwksUrl: `http://127.0.0.1:${port}/jwks.json`, issuer: 'https://idp.example' });
      const sign = (claims: { iss: string }, key = privateKey) =>
        new SignJWT({})
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
          .setSubject('u1')
          .setIssuer(claims.iss)
          .setExpirationTime('5m')
          .sign(key);
      await expect(verify(await sign({ iss: 'https://idp.example' }))).resolves.toMatchObject({ subject: 'u1' });
      await expect(verify(await sign({ iss: 'https://other.example' }))).rejects.toThrow(/iss/);
      const stranger = await generateKeyPair('RS256');
      await expect(verify(await sign({ iss: 'https://idp.example' }, stranger.privateKey))).rejects.toThrow(/signature/);
      // An HS256 token made with a guessable secret is not accepted by a JWKS verifier.
      await expect(verify(await signToken(TEST_SECRET, 'u1', { issuer: 'https://idp.example' }))).rejects.toThrow();
    } finally {
      jwks.close();
    }
  });

  it('checks issuer and audience when configured', async () => {
    const verify = tokenVerifier({ kind: 'secret', secret: TEST_SECRET, issuer: 'https://idp.example', audience: 'flowshare' });
    const good = await signToken(TEST_SECRET, 'u1', { issuer: 'https://idp.example', audience: 'flowshare' });
    await expect(verify(good)).resolves.toMatchObject({ subject: 'u1' });
    const wrongIssuer = await signToken(TEST_SECRET, 'u1', { issuer: 'https://evil.example', audience: 'flowshare' });
    await expect(verify(wrongIssuer)).rejects.toThrow(/iss/);
    const noAudience = await signToken(TEST_SECRET, 'u1', { issuer: 'https://idp.example' });
    await expect(verify(noAudience)).rejects.toThrow(/aud/);
  });
});

function b64(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
