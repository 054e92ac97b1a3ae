// Summarizes a V8 .cpuprofile (node --cpu-prof): the top functions by self time, and by
// package or source file. Usage: node --import tsx bench/profile-summary.ts <file> [top=40]
import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
process.stdout.on('error', () => process.exit(0)); // piped to head
const [path, topArg] = process.argv.slice(2);
if (!path) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
const profile = JSON.parse(readFileSync(path, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const top = Number(topArg ?? 40);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

const where = (url: string) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.includes('/src/') || url.includes('/bench/')) return url.replace(/^.*\/(src|bench)\//, '$1/');
  return url ? url.replace(/^node:/, 'node:') : '(native)';
};
/** A package's file, for the function list: node_modules/<package>/<file>. */
const file = (url: string) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  return m ? `${m[1]}/${m[2]}` : where(url);
};
const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
const fns = new Map<string, number>();
const places = new Map<string, number>();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  add(fns, `${functionName || '(anonymous)'} ${file(url)}:${lineNumber + 1}`, us);
  add(places, where(url), us);
}
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  }
};
console.log(`total ${(total / 1000).toFixed(0)} ms sampled`);
print('self time by function', fns);
print('self time by package / file', places);

// Inclusive: the time spent with the package or file anywhere on the stack.
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map<string, number>();
const inclusiveFns = new Map<string, number>();
for (const [id, us] of self) {
  const seen = new Set<string>();
  const seenFns = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
    seen.add(where(url));
    if (url) seenFns.add(`${functionName || '(anonymous)'} ${file(url)}:${lineNumber + 1}`);
  }
  for (const k of seen) add(inclusive, k, us);
  for (const k of seenFns) add(inclusiveFns, k, us);
}
print('inclusive time by package / file', inclusive);
print('inclusive time by function', inclusiveFns);
