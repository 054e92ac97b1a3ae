// Summarizes a sampled heap profile (bench/profile-myflows.ts PROFILE_HEAP): bytes allocated by
// function, self and inclusive. Usage: node --import tsx bench/profile-heap-summary.ts <file> [top=40]
import { readFileSync } from 'node:fs';

type Node = {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: Node[];
};
process.stdout.on('error', () => process.exit(0)); // piped to head
const [path, topArg] = process.argv.slice(2);
if (!path) throw new Error('usage: profile-heap-summary.ts <file.heapprofile> [top]');
const { head } = JSON.parse(readFileSync(path, 'utf8')) as { head: Node };
const top = Number(topArg ?? 40);
const name = ({ functionName, url, lineNumber }: Node['callFrame']) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  const where = m ? `${m[1]}/${m[2]}` : url.replace(/^.*\/(src|bench)\//, '$1/');
  return `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
};
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
let total = 0;
/** Returns the node's inclusive bytes; counts each function once per stack. */
const walk = (node: Node, stack: Set<string>): number => {
  const key = name(node.callFrame);
  add(self, key, node.selfSize);
  total += node.selfSize;
  const fresh = !stack.has(key);
  if (fresh) stack.add(key);
  let sum = node.selfSize;
  for (const c of node.children) sum += walk(c, stack);
  if (fresh) {
    stack.delete(key);
    add(inclusive, key, sum);
  }
  return sum;
};
walk(head, new Set());
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, n] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * n) / total).toFixed(1).padStart(5)}%  ${(n / 2 ** 20).toFixed(1).padStart(7)} MiB  ${k}`);
  }
};
console.log(`total ${(total / 2 ** 20).toFixed(0)} MiB sampled`);
print('allocated by function (self)', self);
print('allocated with the function on the stack (inclusive)', inclusive);
