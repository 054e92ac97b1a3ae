// npm start: the compiled server (dist/bundle/main.js, from `npm run build`) when it is built and current,
// else the sources through tsx, so that `npm ci && npm start` works on a fresh clone with no
// build step. Plain JavaScript on purpose: nothing is transpiled to start the compiled server.
// A build is not run here: tsc takes 10 s or more, more than running from source costs.
import * as nodeModule from 'node:module';
import { pathToFileURL } from 'node:url';
import { distStatus } from './dist-status.mjs';

// Node 22.1+: compiled bytecode of every module is kept on disk between starts (no-op before).
nodeModule.enableCompileCache?.();

const status = distStatus();
if (status.current) {
  // Stack traces name src/*.ts lines, through the map esbuild writes beside the bundle.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(status.entry).href);
} else {
  console.error(`flowshare: ${status.reason}; running from source with tsx (npm run build for a faster start)`);
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(status.source).href);
}
