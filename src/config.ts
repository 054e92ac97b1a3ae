// Environment variables → a typed, validated config. A bad value stops the process
// with a message naming the variable, before anything is opened or written.
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    FLOWSHARE_DATA_DIR: z.string().trim().min(1).default('./.flowshare'),
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
        .optional(),
    ),
    AUTH_JWT_SECRET: optionalText.pipe(
      z.string().min(32, 'must be at least 32 characters (HS256)').optional(),
    ),
    AUTH_JWKS_URL: optionalText.pipe(z.url().optional()),
    AUTH_ISSUER: optionalText,
    AUTH_AUDIENCE: optionalText,
    FLOWSHARE_DIRECTORY: optionalText,
    FLOWSHARE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(10_000),
    FLOWSHARE_LOG_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
    FLOWSHARE_LOG_RETENTION_DAYS: z.coerce.number().min(0.0001).max(36_500).default(30),
  })
  .refine((c) => !(c.AUTH_JWT_SECRET && c.AUTH_JWKS_URL), {
    message: 'set AUTH_JWT_SECRET or AUTH_JWKS_URL, not both',
    path: ['AUTH_JWKS_URL'],
  })
  .refine((c) => c.AUTH_JWT_SECRET || c.AUTH_JWKS_URL || !c.DATABASE_URL, {
    // Only the embedded default may invent a secret: a shared database needs a shared secret.
    message: 'is required with DATABASE_URL (or set AUTH_JWKS_URL)',
    path: ['AUTH_JWT_SECRET'],
  });

export type AuthConfig =
  | { kind: 'secret'; secret: string | undefined; issuer?: string; audience?: string }
  | { kind: 'jwks'; jwksUrl: string; issuer?: string; audience?: string };

export type Config = {
  port: number;
  host: string;
  /** PGlite's data directory; unused when `databaseUrl` is set. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** `secret: undefined` on the embedded default: the server makes one and keeps it in the data dir. */
  auth: AuthConfig;
  directoryFile: string | undefined;
  /** How often the expiry sweeper looks for grants past their expiresAt (S19). */
  sweepIntervalMs: number;
  /** How often each process reads the log's head without a wake-up (the NOTIFY fallback). */
  logPollMs: number;
  /** Events older than this are pruned; a cursor from before the pruned part is refused. */
  logRetentionDays: number;
};

export class ConfigError extends Error {}

/** `argv` may carry `--directory FILE`, which wins over FLOWSHARE_DIRECTORY. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = []): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const issuer = c.AUTH_ISSUER;
  const audience = c.AUTH_AUDIENCE;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: c.FLOWSHARE_DATA_DIR,
    databaseUrl: c.DATABASE_URL,
    auth: c.AUTH_JWKS_URL
      ? { kind: 'jwks', jwksUrl: c.AUTH_JWKS_URL, issuer, audience }
      : { kind: 'secret', secret: c.AUTH_JWT_SECRET, issuer, audience },
    directoryFile: directoryArg(argv) ?? c.FLOWSHARE_DIRECTORY,
    sweepIntervalMs: c.FLOWSHARE_SWEEP_INTERVAL_MS,
    logPollMs: c.FLOWSHARE_LOG_POLL_MS,
    logRetentionDays: c.FLOWSHARE_LOG_RETENTION_DAYS,
  };
}

function directoryArg(argv: string[]): string | undefined {
  const i = argv.indexOf('--directory');
  if (i === -1) return undefined;
  const file = argv[i + 1];
  if (!file || file.startsWith('--')) throw new ConfigError('--directory needs a FILE');
  return file;
}
