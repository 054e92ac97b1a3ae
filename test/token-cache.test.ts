// Verified tokens are remembered by their text (src/auth/tokens.ts, issue #13), and a
// remembered token answers exactly as verifying it again would: refused from its exp on.
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidTokenError, MAX_VERIFIED_TOKENS, tokenVerifier } from '../src/auth/tokens.js';

const SECRET = 'a-secret-of-the-token-cache-test-0123456789';
const T0 = Date.UTC(2030, 0, 1, 12, 0, 0);

function sign(subject: string, exp: number, secret = SECRET) {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuedAt(Math.floor(T0 / 1000))
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));
}

afterEach(() => vi.useRealTimers());

describe('a verified token', () => {
  it('is refused from its exp on, remembered or not', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    const verify = tokenVerifier({ kind: 'secret', secret: SECRET });
    const exp = Math.floor(T0 / 1000) + 30; // within VERIFIED_TOKEN_MS
    const token = await sign('maker', exp);
    expect(await verify(token)).toEqual({ subject: 'maker', expiresAt: new Date(exp * 1000) });
    vi.setSystemTime(exp * 1000 - 1);
    expect((await verify(token)).subject).toBe('maker');
    vi.setSystemTime(exp * 1000);
    await expect(verify(token)).rejects.toThrow(new InvalidTokenError('the token has expired'));
  });

  it('remembers a refused token never: a bad signature is refused every time', async () => {
    const verify = tokenVerifier({ kind: 'secret', secret: SECRET });
    const forged = await sign('maker', Math.floor(Date.now() / 1000) + 3600, 'not-the-secret-0123456789abcdefghijkl');
    for (let i = 0; i < 3; i++) await expect(verify(forged)).rejects.toThrow('the token signature is not valid');
  });

  it('keeps at most MAX_VERIFIED_TOKENS, forgetting the oldest, and still verifies the forgotten', async () => {
    expect(MAX_VERIFIED_TOKENS).toBeGreaterThan(100);
    const verify = tokenVerifier({ kind: 'secret', secret: SECRET });
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const first = await sign('user-0', exp);
    expect((await verify(first)).subject).toBe('user-0');
    // Fill the memory past its bound with other tokens (distinct subjects, distinct texts).
    for (let i = 1; i <= MAX_VERIFIED_TOKENS; i++) await verify(await sign(`user-${i}`, exp));
    expect((await verify(first)).subject).toBe('user-0');
  }, 120_000);
});
