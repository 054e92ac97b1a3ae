// Entry: parse config, open the database, migrate, load the directory, start the server.
// What the process does is logged as JSON lines on stdout (pretty on a terminal; ops/log.ts).
// The embedded demo's banner (GraphiQL's address, ready tokens) goes to stderr as text for a
// person: it is not a log line, and only the embedded demo prints tokens.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { asc, eq } from 'drizzle-orm';
import { ConfigError, loadConfig } from './config.js';
import { describeDuration, signToken, tokenVerifier, type TokenSettings } from './auth/tokens.js';
import { openDatabase, type Db } from './db/open.js';
import { tenants, users } from './db/tables.js';
import { DataDirLockedError } from './db/lock.js';
import { isEmpty, seedDemo } from './demo/seed.js';
import { describeImport, DirectoryError, importDirectoryFile } from './directory/import.js';
import { notifyDirectoryChange } from './events/directory.js';
import { LogFeed } from './events/feed.js';
import { graphiqlTokenRule } from './graphiql.js';
import { loadTrustedDocuments } from './graphql/documents.js';
import { safeMessage } from './redact.js';
import { startJobs } from './jobs.js';
import { createLog, type Logger } from './ops/log.js';
import { createMetrics } from './ops/metrics.js';
import { startServer } from './server.js';

const SIGNED_IN = `# Welcome to flowshare. The Authorization header below signs you in as a demo user.
# Press Run (Ctrl-Enter) to see your flows.
`;
const SIGN_IN = `# Welcome to flowshare. Sign in first: in the Headers tab below, put
# {"Authorization": "Bearer <token>"}. Then press Run (Ctrl-Enter) to see your flows.
`;
const DEFAULT_QUERY = `query MyFlows {
  viewer { displayName email license }
  myFlows(first: 10) {
    totalCount
    edges {
      node {
        id
        displayName
        trigger
        state
        environment { displayName }
        connectionReferences { usage connection { displayName connector { displayName } } }
        viewerAccess { level canShare }
      }
    }
  }
}
`;

let log: Logger | undefined;

async function main() {
  const config = loadConfig(process.env, process.argv.slice(2));
  log = createLog({ level: config.logLevel });
  // Read before anything is opened: a bad manifest stops the process with nothing written.
  const trustedDocuments = config.trustedDocumentsFile ? loadTrustedDocuments(config.trustedDocumentsFile) : undefined;
  const embedded = config.databaseUrl === undefined;
  const database = await openDatabase(embedded ? { dataDir: config.dataDir } : { databaseUrl: config.databaseUrl! });
  await database.migrate();
  const { db } = database;

  if (embedded && (await isEmpty(db))) {
    log.info('first start of an empty embedded database: loading the demo directory and flows');
    await seedDemo(db);
  }
  if (config.directoryFile) {
    const summary = await importDirectoryFile(db, config.directoryFile);
    log.info({ file: config.directoryFile }, `directory ${config.directoryFile}: ${describeImport(summary)}`);
  }

  const settings: TokenSettings =
    config.auth.kind === 'jwks'
      ? { ...config.auth, maxLifetimeMs: config.maxTokenLifetimeMs }
      : { ...config.auth, secret: config.auth.secret ?? embeddedSecret(config.dataDir), maxLifetimeMs: config.maxTokenLifetimeMs };
  const printTokens = embedded && settings.kind === 'secret';
  // Demo tokens live 30 days, or the longest lifetime accepted if that is shorter.
  const demoLifetimeS = Math.floor(Math.min(DEMO_TOKEN_LIFETIME_MS, config.maxTokenLifetimeMs) / 1000);
  const tokens = printTokens ? await demoTokens(db, settings, demoLifetimeS) : [];

  const feedLog = log.child({ component: 'feed' });
  const feed = await LogFeed.start(database, { pollMs: config.logPollMs, log: (m) => feedLog.warn(m) });
  const metrics = createMetrics({ process: true });
  const jobs = startJobs({
    log,
    metrics,
    db,
    sweepIntervalMs: config.sweepIntervalMs,
    logRetentionDays: config.logRetentionDays,
    onEventsWritten: () => void feed.wake(),
  });

  // Only the embedded demo on a loopback address opens GraphiQL signed in.
  const pageToken = graphiqlTokenRule(config);
  if (!pageToken.allowed) log.info(pageToken.reason);
  const pageHeaders = pageToken.allowed && tokens[0] ? { Authorization: `Bearer ${tokens[0].token}` } : undefined;
  const server = await startServer({
    db,
    feed,
    verify: tokenVerifier(settings),
    port: config.port,
    host: config.host,
    limits: config.limits,
    trustedDocuments,
    log,
    metrics,
    metricsToken: config.metricsToken,
    scim: { tokens: config.scimTokens, notify: () => notifyDirectoryChange(database) },
    graphiql: {
      defaultQuery: (pageHeaders ? SIGNED_IN : SIGN_IN) + DEFAULT_QUERY,
      headers: pageHeaders,
    },
  });

  // Handlers first: a signal that arrives while we print must still close things cleanly.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log!.info({ signal }, `${signal}: closing connections and the database`);
    await jobs.stop();
    await server.close();
    await feed.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const place = embedded ? `embedded PGlite (${config.dataDir})` : 'PostgreSQL';
  log.info(
    { startMs: Math.round(performance.now()), database: place, url: server.url },
    `flowshare ready in ${Math.round(performance.now())} ms on ${place}`,
  );
  if (trustedDocuments) log.info({ file: trustedDocuments.file, operations: trustedDocuments.size }, 'trusted documents only');
  const banner = [`GraphiQL: ${server.url}`];
  if (trustedDocuments) banner.push(`Trusted documents only: the ${trustedDocuments.size} operations of ${trustedDocuments.file}`);
  if (tokens.length > 0) {
    banner.push(
      `Tokens (valid ${describeDuration(demoLifetimeS * 1000)}). Paste one into GraphiQL's Headers tab as {"Authorization": "Bearer <token>"}:`,
    );
    for (const t of tokens) banner.push(`  ${t.name.padEnd(22)} Authorization: Bearer ${t.token}`);
  }
  process.stderr.write(`${banner.join('\n')}\n`);
}

/** The embedded default's HS256 secret: made once, kept beside the data, so tokens survive restarts. */
function embeddedSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const DEMO_TOKEN_LIFETIME_MS = 30 * 86_400_000;

async function demoTokens(db: Db, settings: TokenSettings & { kind: 'secret' }, lifetimeS: number) {
  const people = await db
    .select({ id: users.externalId, name: users.displayName })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(eq(users.status, 'ACTIVE'))
    .orderBy(asc(tenants.externalId), asc(users.externalId))
    .limit(20);
  // The demo's maker first: GraphiQL opens signed in as them.
  people.sort((a, b) => Number(b.id === 'alice') - Number(a.id === 'alice'));
  return Promise.all(
    people.map(async (p) => ({
      name: `${p.name} (${p.id})`,
      token: await signToken(settings.secret, p.id, { issuer: settings.issuer, audience: settings.audience, expiresIn: `${lifetimeS}s` }),
    })),
  );
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof DirectoryError;
  const message = known ? (error as Error).message : safeMessage(error);
  // Before the configuration is read there is no log yet (LOG_LEVEL is part of it): plain text on stderr.
  if (log) log.fatal(known ? {} : { stack: (error as Error).stack?.replace((error as Error).message, message) }, `flowshare: ${message}`);
  else process.stderr.write(`flowshare: ${message}\n`);
  process.exit(1);
});
