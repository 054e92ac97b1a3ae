// Whether dist/ holds a build of the current src/: the bundle npm start runs (dist/bundle/main.js,
// scripts/build.mjs) was written after every src/**/*.ts last changed, and after what else goes
// into it: tsconfig*.json, the build script, the installed packages it bundles. A few hundred stat
// calls, milliseconds. Used by scripts/start.mjs and by `npm run bench -- start`.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** @returns {{ current: boolean, reason: string, entry: string, source: string }} */
export function distStatus() {
  const src = join(root, 'src');
  const entry = join(root, 'dist', 'bundle', 'main.js');
  const source = join(src, 'main.ts');
  const result = (current, reason) => ({ current, reason, entry, source });
  const built = mtime(entry);
  if (built === undefined) return result(false, 'dist/ is not built');
  // npm ci / npm install rewrite node_modules/.package-lock.json: the bundled packages may have changed.
  const inputs = ['tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs', 'node_modules/.package-lock.json'];
  for (const file of [...inputs.map((f) => join(root, f)), ...sourceFiles(src)]) {
    if (built < (mtime(file) ?? 0)) return result(false, `dist/ is older than ${relative(root, file)}`);
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
