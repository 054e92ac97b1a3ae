// `npm run directory -- import FILE`: imports a directory file into the configured database.
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { describeImport, importDirectoryFile } from './import.js';

const [command, file] = process.argv.slice(2);
if (command !== 'import' || !file) {
  console.error('usage: npm run directory -- import FILE');
  process.exit(2);
}

try {
  const config = loadConfig();
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl, poolSize: 2 } : { dataDir: config.dataDir },
  );
  try {
    await database.migrate();
    const summary = await importDirectoryFile(database.db, file);
    console.log(`imported ${file}: ${describeImport(summary)}`);
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(`flowshare directory: ${(error as Error).message}`);
  process.exit(1);
}
