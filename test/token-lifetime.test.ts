// The longest token lifetime accepted (issue 11, item 8): a token that lives longer than the
// configured maximum (30 days by default) is refused, over HTTP and over WebSocket alike.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidTokenError, tokenVerifier } from '../src/auth/tokens.js';
import { gqlAt, ok, startTestApp, TEST_SECRET, type TestApp } from './support/app.js';
import { ViewerQuery } from './support/documents.js';
import { wsClient } from './support/live.js';
import { graphqlUrlOf, startProcess, type ServerProcess } from './support/process.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const DAY_S = 86_400;
const now = () => Math.floor(Date.now() / 1000);

/** An HS256 token with exactly these claims (`iat: null` leaves iat out). */
function token(subject: string, claims: { exp: number; iat?: number | null }, secret = TEST_SECRET): Promise<string> {
  let jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(subject).setExpirationTime(claims.exp);
  if (claims.iat !== null) jwt = jwt.setIssuedAt(claims.iat ?? now());
  return jwt.sign(new TextEncoder().encode(secret));
}

let app: TestApp;
let t: Tenant;
beforeAll(async () => {
  app = await startTestApp();
  t = await makeTenant(app);
});
afterAll(() => app?.close());

describe('over HTTP', () => {
  it('refuses a token with exp: 1e13 (401 UNAUTHENTICATED, saying why)', async () => {
    const result = await app.gql(ViewerQuery, {}, await token(t.ext('maker'), { exp: 1e13 }));
    expect(result.status).toBe(401);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringContaining('lives longer than the longest lifetime accepted (30 days)'),
    });
  });

  it('refuses 30 days and a minute; accepts 30 days', async () => {
    const iat = now();
    const tooLong = await app.gql(ViewerQuery, {}, await token(t.ext('maker'), { iat, exp: iat + 30 * DAY_S + 60 }));
    expect(tooLong.status).toBe(401);
    const fine = ok(await app.gql(ViewerQuery, {}, await token(t.ext('maker'), { iat, exp: iat + 30 * DAY_S })));
    expect(fine.viewer?.id).toBe(t.users.maker);
  });

  it('without iat, counts from now', async () => {
    const tooLong = await app.gql(ViewerQuery, {}, await token(t.ext('maker'), { iat: null, exp: now() + 31 * DAY_S }));
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const fine = ok(await app.gql(ViewerQuery, {}, await token(t.ext('maker'), { iat: null, exp: now() + 29 * DAY_S })));
    expect(fine.viewer?.id).toBe(t.users.maker);
  });

  it('an iat in the future does not stretch the lifetime', async () => {
    const result = await app.gql(ViewerQuery, {}, await token(t.ext('maker'), { iat: 1e13 - 60, exp: 1e13 }));
    expect(result.status).toBe(401);
  });
});

describe('over WebSocket', () => {
  it('closes the connection of a token with exp: 1e13 with 4403 Forbidden', async () => {
    const long = await token(t.ext('maker'), { exp: 1e13 });
    let code: number | undefined;
    const client = wsClient(app.url, long, { onClosed: (c) => (code = c) });
    try {
      const received = client.subscribe(ViewerQuery, {});
      await received.ended();
      expect(code).toBe(4403);
      expect(received.events).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it('a 30-day token works', async () => {
    const iat = now();
    const client = wsClient(app.url, await token(t.ext('maker'), { iat, exp: iat + 30 * DAY_S }));
    try {
      const received = client.subscribe(ViewerQuery, {});
      const [result] = await received.waitFor(1);
      expect(result!.viewer?.id).toBe(t.users.maker);
    } finally {
      await client.close();
    }
  });
});

describe('the setting', () => {
  it('maxLifetimeMs bounds what tokenVerifier accepts', async () => {
    const verify = tokenVerifier({ kind: 'secret', secret: TEST_SECRET, maxLifetimeMs: 3_600_000 });
    const iat = now();
    await expect(verify(await token('someone', { iat, exp: iat + 3_600 }))).resolves.toMatchObject({ subject: 'someone' });
    const refused = verify(await token('someone', { iat, exp: iat + 3_601 }));
    await expect(refused).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(refused).rejects.toThrow(
      'the token lives longer than the longest lifetime accepted (1 hour): ask for one that expires sooner',
    );
  });
});

describe('the server process', () => {
  let dir: string;
  let server: ServerProcess | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowshare-lifetime-'));
  });
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes FLOWSHARE_MAX_TOKEN_LIFETIME_DAYS: its demo tokens live that long and work, longer ones are refused', async () => {
    server = startProcess(
      { FLOWSHARE_DATA_DIR: join(dir, 'data'), FLOWSHARE_MAX_TOKEN_LIFETIME_DAYS: '2' },
      /Tokens[\s\S]*\(terry\)[^\n]*\n/,
    );
    const output = await server.matched;
    expect(output).toContain('Tokens (valid 2 days)');
    const url = graphqlUrlOf(output);
    const demo = /\(alice\)\s+Authorization: Bearer (\S+)/.exec(output)![1]!;
    expect(ok(await gqlAt(url, ViewerQuery, {}, demo)).viewer?.externalId).toBe('alice');

    // The embedded default's secret, kept beside the data.
    const secret = readFileSync(join(dir, 'data', 'jwt-secret'), 'utf8').trim();
    const iat = now();
    const refused = await gqlAt(url, ViewerQuery, {}, await token('alice', { iat, exp: iat + 3 * DAY_S }, secret));
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.message).toContain('(2 days)');
  }, 90_000);
});
