// Bearer JWTs (jose): HS256 with a shared secret for development and CI, a JWKS endpoint
// for production. `sub` is the user's directory id; `exp` is required, and a token may not
// live longer than the longest lifetime accepted (30 days unless configured).
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/** `maxLifetimeMs`: tokens that live longer are refused (exp minus iat, or exp minus now without iat). */
export type TokenSettings =
  | { kind: 'secret'; secret: string; issuer?: string; audience?: string; maxLifetimeMs?: number }
  | { kind: 'jwks'; jwksUrl: string; issuer?: string; audience?: string; maxLifetimeMs?: number };

export const DEFAULT_MAX_TOKEN_LIFETIME_MS = 30 * 86_400_000;

export class InvalidTokenError extends Error {}

export type VerifyToken = (token: string) => Promise<{ subject: string; expiresAt: Date }>;

export function tokenVerifier(settings: TokenSettings): VerifyToken {
  const key: Uint8Array | JWTVerifyGetKey =
    settings.kind === 'secret' ? new TextEncoder().encode(settings.secret) : createRemoteJWKSet(new URL(settings.jwksUrl));
  const options = {
    issuer: settings.issuer,
    audience: settings.audience,
    requiredClaims: ['exp', 'sub'],
    ...(settings.kind === 'secret' ? { algorithms: ['HS256'] } : {}),
  };
  const maxLifetimeMs = settings.maxLifetimeMs ?? DEFAULT_MAX_TOKEN_LIFETIME_MS;
  const verified = new VerifiedTokens();
  return async (token) => {
    const known = verified.get(token);
    if (known) return known;
    let payload: JWTPayload;
    try {
      // Two calls so that TypeScript picks the right overload for each key kind.
      ({ payload } = key instanceof Uint8Array ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options));
    } catch (error) {
      throw new InvalidTokenError(describe(error));
    }
    const expiresAt = payload.exp! * 1000;
    // From when it was issued, or from now without iat (or with an iat still to come).
    const now = Date.now();
    const from = payload.iat === undefined ? now : Math.min(payload.iat * 1000, now);
    if (expiresAt - from > maxLifetimeMs) {
      throw new InvalidTokenError(
        `the token lives longer than the longest lifetime accepted (${describeDuration(maxLifetimeMs)}): ask for one that expires sooner`,
      );
    }
    const answer = { subject: payload.sub!, expiresAt: new Date(expiresAt) };
    verified.add(token, answer);
    return answer;
  };
}

/** How long a verified token is taken as verified without checking its signature again. */
export const VERIFIED_TOKEN_MS = 60_000;
/** Most tokens remembered; the oldest is forgotten first. */
export const MAX_VERIFIED_TOKENS = 10_000;

/**
 * Tokens that passed verification, by their exact text (issue #13: a signature check per
 * request was a few per cent of a page of flows). A token's text can't verify differently with
 * the same key and settings, so a remembered one answers as verification would: until its
 * `exp` exactly (jose refuses at exp, to the second, as `now < exp` does here), and for at most
 * VERIFIED_TOKEN_MS, after which it is checked again (a JWKS key withdrawn meanwhile then
 * refuses it). Refused tokens are never remembered. Who the subject is, and whether they have
 * left, is read afresh on every request (src/graphql/context.ts).
 */
class VerifiedTokens {
  private readonly tokens = new Map<string, { answer: { subject: string; expiresAt: Date }; until: number }>();

  get(token: string) {
    const known = this.tokens.get(token);
    if (!known) return undefined;
    if (Date.now() < known.until) return known.answer;
    this.tokens.delete(token);
    return undefined;
  }

  add(token: string, answer: { subject: string; expiresAt: Date }) {
    if (this.tokens.size >= MAX_VERIFIED_TOKENS) this.tokens.delete(this.tokens.keys().next().value!);
    this.tokens.set(token, { answer, until: Math.min(answer.expiresAt.getTime(), Date.now() + VERIFIED_TOKEN_MS) });
  }
}

/** "30 days", "1 day", "2.5 hours". */
export function describeDuration(ms: number): string {
  const [n, unit] = ms >= 86_400_000 ? [ms / 86_400_000, 'day'] : [ms / 3_600_000, 'hour'];
  const rounded = Number(n.toFixed(2));
  return `${rounded} ${unit}${rounded === 1 ? '' : 's'}`;
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ERR_JWT_EXPIRED') return 'the token has expired';
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return 'the token signature is not valid';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') return `the token is not valid: ${(error as Error).message}`;
  return 'the token is not a valid JWT';
}

/** An HS256 token for a directory user (development, CI and tests). */
export function signToken(
  secret: string,
  subject: string,
  options: { expiresIn?: string | number; issuer?: string; audience?: string } = {},
): Promise<string> {
  let jwt = new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '30d');
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
