// Issue 2 targets: `npm start` ready (gateway answering) ≤ 20 s with existing data and
// ≤ 60 s on a first start including bootstrap and seed. Uses its own ports and data dir.
import { stackConfig } from '../local-stack/config.ts';
import { startStack } from '../local-stack/stack.ts';
import type { BenchResult } from '../bench.ts';
import { sec } from './_util.ts';

export async function run(): Promise<BenchResult[]> {
  const cfg = await stackConfig({ name: 'bench-startup', portBase: 62320 });
  const first = await startStack(cfg, { reset: true, quiet: true });
  await first.stop();
  const again = await startStack(cfg, { quiet: true });
  await again.stop();
  return [
    { name: 'first start (bootstrap, migrations, seed) until ready', value: sec(first.timings.ready), target: '≤ 60 s' },
    { name: '  of which seed', value: sec((first.timings.seed ?? 0) - (first.timings.migrations ?? 0)) },
    { name: 'start with existing data until ready', value: sec(again.timings.ready), target: '≤ 20 s' },
  ];
}
