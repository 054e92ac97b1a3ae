// npm run build: tsc, then esbuild. tsc type-checks src/ and writes dist/ as a mirror of it (no
// dist/ at all on a type error); the bench's parts load single modules from it. esbuild then
// bundles src/main.ts and the packages it imports into dist/bundle/main.js, what `npm start`
// runs: a start reads a few files instead of ~1,000 modules (~1.3 s of a 2 s start).
// dist/bundle/ sits two levels below the root, as src/<dir>/*.ts do, so every
// `new URL('../../drizzle', import.meta.url)` in src still resolves to the project's folders.
import { spawnSync } from 'node:child_process';
import { rmSync, utimesSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

// Left to node_modules, each for a reason:
const external = [
  // loads its postgres.wasm and .data files relative to its own module
  '@electric-sql/pglite',
  // pino's transports (pino-pretty) run in a worker thread that loads them by file name
  'pino',
  'pino-pretty',
  // imported lazily by the GraphiQL page, only when a browser first asks for it: kept out of the start
  '@graphql-yoga/render-graphiql',
];

// The bundle is dated when the build began: a source saved while it ran leaves dist/ stale.
const began = new Date();
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [fileURLToPath(import.meta.resolve('typescript/bin/tsc')), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

await build({
  absWorkingDir: root,
  entryPoints: ['src/main.ts'],
  outdir: 'dist/bundle',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  // Stack traces name src/*.ts lines. The map points at the files rather than holding them: a
  // third the size, less for node to read at start.
  sourcemap: true,
  // Whitespace and syntax only (a third less for V8 to parse, ~150 ms a start); names kept as written.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcesContent: false,
  // CommonJS packages in an ESM bundle call require() for node's own modules: give them one.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
});
utimesSync(new URL('../dist/bundle/main.js', import.meta.url), began, began);
