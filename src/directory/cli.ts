// `npm run directory -- <command>`: the directory's command line, on the configured database
// (FLOWSHARE_DATABASE_URL, or the embedded data dir: stop the server first, it holds the dir).
//   import FILE                 import a directory file (users, groups, lists, environments)
//   scim-token TENANT_ID        make a SCIM bearer token for the tenant: printed once, stored as a digest
//   scim-tokens TENANT_ID       list the tenant's stored SCIM tokens (ids and dates)
//   revoke-scim-token TOKEN_ID  revoke a stored SCIM token
//   changes TENANT_ID [--limit N] [--before POSITION]   the tenant's directory changes, newest first
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/open.js';
import { notifyDirectoryChange } from '../events/directory.js';
import { announceLogHead } from '../events/feed.js';
import { createScimToken, listScimTokens, revokeScimToken } from '../scim/tokens.js';
import { describeChange, listChanges } from './changes.js';
import { describeImport, importDirectory, readDirectoryFile } from './import.js';

const USAGE = `usage: npm run directory -- import FILE
       npm run directory -- scim-token TENANT_ID
       npm run directory -- scim-tokens TENANT_ID
       npm run directory -- revoke-scim-token TOKEN_ID
       npm run directory -- changes TENANT_ID [--limit N] [--before POSITION]`;

class UsageError extends Error {}

const [command, argument, ...options] = process.argv.slice(2);

async function run(database: Database, preloaded: unknown): Promise<void> {
  const db = database.db;
  switch (command) {
    case 'import': {
      const summary = await importDirectory(db, preloaded);
      // Departures may have suspended flows or written events: running servers hear of it now.
      if (summary.departedUsers.length > 0 || summary.suspendedFlows > 0 || summary.resumedFlows > 0) await announceLogHead(database);
      // Departures end the departed users' open streams (S26): running servers re-check now.
      if (summary.departedUsers.length > 0) await notifyDirectoryChange(database);
      console.log(`imported ${argument}: ${describeImport(summary)}`);
      return;
    }
    case 'scim-token': {
      const made = await createScimToken(db, argument!);
      if (!made) throw new Error(`no tenant "${argument}" in the directory (import it first)`);
      console.log(`SCIM token ${made.id} for tenant ${argument} (shown once; only its digest is stored):\n${made.token}`);
      return;
    }
    case 'scim-tokens': {
      for (const t of await listScimTokens(db, argument!)) console.log(`${t.id}  made ${t.createdAt.toISOString()}`);
      return;
    }
    case 'revoke-scim-token': {
      if (!(await revokeScimToken(db, argument!))) throw new Error(`no stored SCIM token ${argument}`);
      console.log(`revoked SCIM token ${argument}`);
      return;
    }
    case 'changes': {
      const limit = numberOption('--limit') ?? 100;
      const before = numberOption('--before');
      const changes = await listChanges(db, argument!, { limit, before });
      if (changes === null) throw new Error(`no tenant "${argument}" in the directory`);
      for (const c of changes) console.log(describeChange(c));
      if (changes.length === limit) console.log(`(more: --before ${changes.at(-1)!.position})`);
      return;
    }
  }
}

function numberOption(name: string): number | undefined {
  const i = options.indexOf(name);
  if (i < 0) return undefined;
  const value = Number(options[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${name} takes a positive whole number`);
  return value;
}

try {
  if (!['import', 'scim-token', 'scim-tokens', 'revoke-scim-token', 'changes'].includes(command ?? '') || !argument) {
    throw new UsageError(USAGE);
  }
  // A malformed file fails before the database opens.
  const preloaded = command === 'import' ? await readDirectoryFile(argument) : undefined;
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl, poolSize: 2 } : { dataDir: config.dataDir });
  try {
    await database.migrate();
    await run(database, preloaded);
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof UsageError ? error.message : `flowshare directory: ${(error as Error).message}`);
  process.exit(error instanceof UsageError ? 2 : 1);
}
