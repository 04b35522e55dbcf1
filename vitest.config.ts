import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The seed's invariants are checked on the freshly seeded database, before any other file
// adds fixtures beside the demo data; `*final.test.ts` files check what must hold after
// everything else ran; the rest keep vitest's own order.
class SeedFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isSeed = (f: TestSpecification) => /seed\.test\.ts$/.test(f.moduleId);
    const isFinal = (f: TestSpecification) => /final\.test\.ts$/.test(f.moduleId);
    return [...sorted.filter(isSeed), ...sorted.filter((f) => !isSeed(f) && !isFinal(f)), ...sorted.filter(isFinal)];
  }
}

// Layers: unit (jsdom, no stack) and integration (node, against the stack that
// scripts/test.ts starts: database, auth, edge functions, end to end).
export default defineConfig({
  plugins: [react()],
  test: {
    sequence: { sequencer: SeedFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          // an MUI dialog rendered and typed into in jsdom takes 1–2 s alone, and more than the
          // default 5 s on a shared 2-core machine under load (seen at load 13–15)
          testTimeout: 20_000,
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          environment: 'node',
          // tests/stack: the supervisor, durability, body limits, root in a private folder (some start stacks of their own)
          include: ['tests/db/**/*.test.ts', 'tests/auth/**/*.test.ts', 'tests/functions/**/*.test.ts', 'tests/stack/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // the migrations and seed pushed to a cluster with hosted Supabase's role model (starts its own Postgres)
          name: 'hosted',
          environment: 'node',
          include: ['tests/hosted/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
