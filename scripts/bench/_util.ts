import type { StackConfig } from '../local-stack/config.ts';
import { ensureScaleDatabase } from '../local-stack/scale.ts';
import { startStack } from '../local-stack/stack.ts';
import type { BenchResult } from '../bench.ts';

// Small statistics helpers shared by the benchmarks, and the loop over the scale databases.
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Runs fn `n` times after `warmup` runs; returns milliseconds (median, p95). */
export async function timeIt(fn: () => Promise<unknown>, n = 30, warmup = 3): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

export const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
export const sec = (v: number) => `${(v / 1000).toFixed(1)} s`;

/**
 * `measure` on the scale database of factor 1, and of BENCH_FACTOR when set (seeded once and
 * kept, scripts/local-stack/scale.ts), each with a stack started on it (which applies the
 * migrations added since the seed; no reseed).
 */
export async function onScaleDatabases(measure: (cfg: StackConfig, factor: number) => Promise<BenchResult[]>): Promise<BenchResult[]> {
  const extra = Math.floor(Number(process.env.BENCH_FACTOR ?? 0));
  const results: BenchResult[] = [];
  for (const factor of extra > 1 ? [1, extra] : [1]) {
    const cfg = await ensureScaleDatabase(factor);
    const stack = await startStack(cfg, { quiet: true });
    try {
      results.push(...(await measure(cfg, factor)));
    } finally {
      await stack.stop();
    }
  }
  return results;
}
