// Bearer JWTs (jose): HS256 with a shared secret for development and CI, a JWKS endpoint
// for production. `sub` is the user's directory id; `exp` is required.
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';

export type TokenSettings =
  | { kind: 'secret'; secret: string; issuer?: string; audience?: string }
  | { kind: 'jwks'; jwksUrl: string; issuer?: string; audience?: string };

export class InvalidTokenError extends Error {}

export type VerifyToken = (token: string) => Promise<{ subject: string; expiresAt: Date }>;

export function tokenVerifier(settings: TokenSettings): VerifyToken {
  const key: Uint8Array | JWTVerifyGetKey =
    settings.kind === 'secret'
      ? new TextEncoder().encode(settings.secret)
      : createRemoteJWKSet(new URL(settings.jwksUrl));
  const options = {
    issuer: settings.issuer,
    audience: settings.audience,
    requiredClaims: ['exp', 'sub'],
    ...(settings.kind === 'secret' ? { algorithms: ['HS256'] } : {}),
  };
  return async (token) => {
    try {
      // Two calls so that TypeScript picks the right overload for each key kind.
      const { payload } =
        key instanceof Uint8Array ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
      return { subject: payload.sub!, expiresAt: new Date(payload.exp! * 1000) };
    } catch (error) {
      throw new InvalidTokenError(describe(error));
    }
  };
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
