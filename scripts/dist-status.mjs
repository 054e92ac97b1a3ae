// Whether dist/ holds a build of the current src/: every src/**/*.ts has its dist/**/*.js, written
// after the source last changed (and after tsconfig*.json). A few hundred stat calls, milliseconds.
// Used by scripts/start.mjs and by `npm run bench -- start`.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** @returns {{ current: boolean, reason: string, entry: string, source: string }} */
export function distStatus() {
  const src = join(root, 'src');
  const dist = join(root, 'dist');
  const entry = join(dist, 'main.js');
  const source = join(src, 'main.ts');
  const result = (current, reason) => ({ current, reason, entry, source });
  if (mtime(entry) === undefined) return result(false, 'dist/ is not built');
  const configChanged = Math.max(...['tsconfig.json', 'tsconfig.build.json'].map((f) => mtime(join(root, f)) ?? 0));
  for (const file of sourceFiles(src)) {
    const built = mtime(join(dist, relative(src, file)).replace(/\.ts$/, '.js'));
    if (built === undefined) return result(false, `dist/ has no build of ${relative(root, file)}`);
    if (built < mtime(file) || built < configChanged) return result(false, `dist/ is older than ${relative(root, file)}`);
  }
  return result(true, 'dist/ is current');
}

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) yield path;
  }
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}
