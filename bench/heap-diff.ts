// Compares two V8 heap snapshots (.heapsnapshot): what the second holds more of, by node type and
// name (constructor, closure or string), and for the top rows who holds them (the retainers'
// type, name and edge). Usage: node --import tsx bench/heap-diff.ts <before> <after> [per=1] [top=30]
// `per` divides the figures (the number of subscriptions, say).
import { readFileSync } from 'node:fs';

process.stdout.on('error', () => process.exit(0)); // piped to head

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
};

function load(path: string) {
  const s = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  const nf = s.snapshot.meta.node_fields.length;
  const ef = s.snapshot.meta.edge_fields.length;
  const types = s.snapshot.meta.node_types[0];
  const edgeTypes = s.snapshot.meta.edge_types[0];
  const count = s.nodes.length / nf;
  const keyOf = (i: number) => {
    const type = types[s.nodes[i * nf]!]!;
    const name = s.strings[s.nodes[i * nf + 1]!]!;
    return `${type}:${type === 'string' || type === 'concatenated string' ? '' : name.slice(0, 60)}`;
  };
  const groups = new Map<string, { count: number; size: number }>();
  for (let i = 0; i < count; i++) {
    const key = keyOf(i);
    const g = groups.get(key) ?? { count: 0, size: 0 };
    g.count++;
    g.size += s.nodes[i * nf + 3]!;
    groups.set(key, g);
  }
  return { s, nf, ef, types, edgeTypes, count, keyOf, groups };
}

const [beforePath, afterPath, perArg, topArg] = process.argv.slice(2);
if (!beforePath || !afterPath) throw new Error('usage: heap-diff.ts <before> <after> [per] [top]');
const per = Number(perArg ?? 1);
const top = Number(topArg ?? 30);
const before = load(beforePath);
const after = load(afterPath);
const rows = [...after.groups]
  .map(([key, g]) => {
    const b = before.groups.get(key) ?? { count: 0, size: 0 };
    return { key, count: (g.count - b.count) / per, size: (g.size - b.size) / per };
  })
  .sort((a, b) => b.size - a.size);
const total = rows.reduce((sum, r) => sum + r.size, 0);
console.log(`more in the second: ${(total / 1024).toFixed(2)} KiB per ${per === 1 ? 'snapshot' : 'unit'}\n`);
console.log('bytes\tcount\ttype:name');
for (const r of rows.slice(0, top)) console.log(`${r.size.toFixed(0)}\t${r.count.toFixed(2)}\t${r.key}`);

// Retainers of the top rows' nodes in the second snapshot: which (type:name via edge) holds them.
const { s, nf, ef, edgeTypes, count, keyOf } = after;
const firstEdge = new Uint32Array(count + 1);
for (let i = 0, e = 0; i < count; i++) {
  firstEdge[i] = e;
  e += s.nodes[i * nf + 4]! * ef;
}
const wanted = new Set(rows.slice(0, Number(process.env.RETAINERS ?? 8)).map((r) => r.key));
const retainers = new Map<string, Map<string, number>>();
for (let i = 0; i < count; i++) {
  const from = keyOf(i);
  const edges = s.nodes[i * nf + 4]!;
  for (let k = 0; k < edges; k++) {
    const at = firstEdge[i]! + k * ef;
    const type = edgeTypes[s.edges[at]!]!;
    const nameOrIndex = s.edges[at + 1]!;
    const to = s.edges[at + 2]! / nf;
    const toKey = keyOf(to);
    if (!wanted.has(toKey) || type === 'weak') continue;
    const edgeName = type === 'element' || type === 'hidden' ? `[${type}]` : String(s.strings[nameOrIndex]);
    const byFrom = retainers.get(toKey) ?? new Map<string, number>();
    const label = `${from} .${edgeName}`;
    byFrom.set(label, (byFrom.get(label) ?? 0) + 1);
    retainers.set(toKey, byFrom);
  }
}
for (const key of wanted) {
  console.log(`\n${key} is held by:`);
  const list = [...(retainers.get(key) ?? new Map())].sort((a, b) => b[1] - a[1]).slice(0, 8);
  for (const [label, n] of list) console.log(`  ${(n / per).toFixed(2)}\t${label}`);
}
