// `npm run directory -- import FILE`: imports a directory file into the configured database.
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { notifyDirectoryChange } from '../events/directory.js';
import { announceLogHead } from '../events/feed.js';
import { describeImport, importDirectory, readDirectoryFile } from './import.js';

const [command, file] = process.argv.slice(2);
if (command !== 'import' || !file) {
  console.error('usage: npm run directory -- import FILE');
  process.exit(2);
}

try {
  const config = loadConfig();
  const directory = await readDirectoryFile(file); // a malformed file fails before the database opens
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl, poolSize: 2 } : { dataDir: config.dataDir },
  );
  try {
    await database.migrate();
    const summary = await importDirectory(database.db, directory);
    // Departures may have suspended flows (FLOW_SUSPENDED): running servers hear of it now.
    if (summary.suspendedFlows > 0) await announceLogHead(database);
    // Departures end the departed users' open streams (S26): running servers re-check now.
    if (summary.departedUsers.length > 0) await notifyDirectoryChange(database);
    console.log(`imported ${file}: ${describeImport(summary)}`);
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(`flowshare directory: ${(error as Error).message}`);
  process.exit(1);
}
