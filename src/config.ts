// Environment variables → a typed, validated config. A bad value stops the process
// with a message naming the variable, before anything is opened or written.
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** What one request may cost; the server's defaults, and what tests start with. */
export type Limits = {
  /** Largest request body (HTTP) or message (WebSocket), in bytes. */
  bodyBytes: number;
  /** Most lexical tokens in one document (graphql-armor, at parse time). */
  tokens: number;
  /** Deepest selection (graphql-armor, at validation time; introspection is bounded by graphql-js's own rule). */
  depth: number;
  /** Most aliases in one operation (graphql-armor). */
  aliases: number;
  /** Most directives in one operation (graphql-armor). */
  directives: number;
  /** Highest cost of one operation, where a connection's selection counts once per `first`/`last` (Pothos complexity). */
  cost: number;
  /** Automatic persisted queries: most stored documents, and their total size in bytes (0 turns APQ off). */
  apqEntries: number;
  apqBytes: number;
  /** Most flows one bulk mutation (reassignFlows, removePrincipalFromFlows, replaceConnectionEverywhere) may touch (S25). */
  bulkFlows: number;
};

export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 1_000_000,
  tokens: 2_000,
  depth: 15,
  aliases: 30,
  directives: 30,
  cost: 100_000,
  apqEntries: 1_000,
  apqBytes: 5_000_000,
  bulkFlows: 1_000,
};

/** FLOWSHARE_SCIM_TOKENS: `{"TENANT_ID": "TOKEN", ...}`, a JSON object of non-empty strings, one token per tenant. */
const scimTokens = optionalText.pipe(
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON: {"TENANT_ID": "TOKEN", ...}' });
        return z.NEVER;
      }
    })
    .pipe(
      z
        .record(z.string().trim().min(1, 'a tenant id must not be empty'), z.string().trim().min(1, 'a token must not be empty'), {
          error: 'must be a JSON object: {"TENANT_ID": "TOKEN", ...}',
        })
        .refine((tokens) => new Set(Object.values(tokens)).size === Object.keys(tokens).length, 'each tenant needs a token of its own'),
    )
    .optional(),
);

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
    AUTH_JWT_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters (HS256)').optional()),
    AUTH_JWKS_URL: optionalText.pipe(z.url().optional()),
    AUTH_ISSUER: optionalText,
    AUTH_AUDIENCE: optionalText,
    FLOWSHARE_DIRECTORY: optionalText,
    FLOWSHARE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(10_000),
    FLOWSHARE_LOG_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
    FLOWSHARE_LOG_RETENTION_DAYS: z.coerce.number().min(0.0001).max(36_500).default(30),
    // Request limits (README "Limits"): each bounds what one request may cost before it runs.
    FLOWSHARE_MAX_BODY_BYTES: z.coerce.number().int().min(1_000).max(100_000_000).default(DEFAULT_LIMITS.bodyBytes),
    FLOWSHARE_MAX_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(DEFAULT_LIMITS.tokens),
    FLOWSHARE_MAX_DEPTH: z.coerce.number().int().min(2).max(1_000).default(DEFAULT_LIMITS.depth),
    FLOWSHARE_MAX_ALIASES: z.coerce.number().int().min(0).max(10_000).default(DEFAULT_LIMITS.aliases),
    FLOWSHARE_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(10_000).default(DEFAULT_LIMITS.directives),
    FLOWSHARE_MAX_COST: z.coerce.number().int().min(10).max(100_000_000).default(DEFAULT_LIMITS.cost),
    FLOWSHARE_MAX_TOKEN_LIFETIME_DAYS: z.coerce.number().min(0.0001).max(3_650).default(30),
    FLOWSHARE_TRUSTED_DOCUMENTS: optionalText,
    FLOWSHARE_APQ_MAX_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(DEFAULT_LIMITS.apqEntries),
    FLOWSHARE_APQ_MAX_BYTES: z.coerce.number().int().min(0).max(1_000_000_000).default(DEFAULT_LIMITS.apqBytes),
    FLOWSHARE_MAX_BULK_FLOWS: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_LIMITS.bulkFlows),
    FLOWSHARE_SCIM_TOKENS: scimTokens,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    FLOWSHARE_METRICS_TOKEN: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
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
  limits: Limits;
  /** Tokens whose lifetime (exp minus iat, or exp minus now without iat) is longer are refused. */
  maxTokenLifetimeMs: number;
  /** A persisted-documents manifest (hash → document): only those operations run. */
  trustedDocumentsFile: string | undefined;
  /** SCIM bearer tokens, tenant directory id → token (for development and CI); none: SCIM answers 401. */
  scimTokens: Record<string, string>;
  /** pino's level for the server's log lines. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** A bearer token /metrics asks for; none: /metrics is open. */
  metricsToken: string | undefined;
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
    limits: {
      bodyBytes: c.FLOWSHARE_MAX_BODY_BYTES,
      tokens: c.FLOWSHARE_MAX_TOKENS,
      depth: c.FLOWSHARE_MAX_DEPTH,
      aliases: c.FLOWSHARE_MAX_ALIASES,
      directives: c.FLOWSHARE_MAX_DIRECTIVES,
      cost: c.FLOWSHARE_MAX_COST,
      apqEntries: c.FLOWSHARE_APQ_MAX_ENTRIES,
      apqBytes: c.FLOWSHARE_APQ_MAX_BYTES,
      bulkFlows: c.FLOWSHARE_MAX_BULK_FLOWS,
    },
    maxTokenLifetimeMs: c.FLOWSHARE_MAX_TOKEN_LIFETIME_DAYS * 86_400_000,
    trustedDocumentsFile: c.FLOWSHARE_TRUSTED_DOCUMENTS,
    scimTokens: c.FLOWSHARE_SCIM_TOKENS ?? {},
    logLevel: c.LOG_LEVEL,
    metricsToken: c.FLOWSHARE_METRICS_TOKEN,
  };
}

function directoryArg(argv: string[]): string | undefined {
  const i = argv.indexOf('--directory');
  if (i === -1) return undefined;
  const file = argv[i + 1];
  if (!file || file.startsWith('--')) throw new ConfigError('--directory needs a FILE');
  return file;
}
