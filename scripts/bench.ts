// `npm run bench [-- name…]`: runs the benchmarks in scripts/bench/*.ts in name order and
// prints figures and ratios. Never pass/fail: targets are printed beside the figures.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './local-stack/config.ts';

export interface BenchResult { name: string; value: string; target?: string; note?: string }

const dir = path.join(ROOT, 'scripts', 'bench');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.startsWith('_')).sort()
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));

const all: BenchResult[] = [];
for (const f of files) {
  console.log(`\n▶ ${f}`);
  const mod = (await import(path.join(dir, f))) as { run: () => Promise<BenchResult[]> };
  const results = await mod.run();
  for (const r of results) console.log(`  ${r.name.padEnd(58)} ${r.value.padStart(14)}${r.target ? `   target ${r.target}` : ''}${r.note ? `   (${r.note})` : ''}`);
  all.push(...results);
}
console.log(`\n${all.length} figures from ${files.length} benchmark file(s)`);
process.exit(0);
