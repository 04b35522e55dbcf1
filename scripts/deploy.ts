// `npm run deploy [-- --dry-run] [--project-ref <ref>] [--seed] [--env-file <file>]`
// Puts this project on a hosted Supabase project with the Supabase CLI: link, push the
// migrations, deploy every edge function without Docker, set the functions' secrets.
// Reads SUPABASE_ACCESS_TOKEN, SUPABASE_PROJECT_REF and SUPABASE_DB_PASSWORD (see
// docs/DEPLOY.md); --dry-run prints the exact commands, secrets masked, and runs nothing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './local-stack/config.ts';
import { deployPlan, ENV, formatPlan, parseEnvFile, problems, resolveCli, type DeployInput, type Step } from './deploy/plan.ts';

const { values } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    'project-ref': { type: 'string' },
    seed: { type: 'boolean', default: false },
    'env-file': { type: 'string' },
  },
});
const dryRun = values['dry-run'];
const FUNCTIONS_DIR = path.join(ROOT, 'supabase', 'functions');

/** Every supabase/functions/<slug>/index.ts, as the CLI finds them (_shared is no function). */
function functionSlugs(): string[] {
  return readdirSync(FUNCTIONS_DIR)
    .filter((slug) => /^[A-Za-z][A-Za-z0-9_-]*$/.test(slug) && existsSync(path.join(FUNCTIONS_DIR, slug, 'index.ts')))
    .sort();
}

function secretsFile(): DeployInput['secrets'] {
  const file = values['env-file'] ? path.resolve(values['env-file']) : path.join(FUNCTIONS_DIR, '.env');
  if (!existsSync(file)) {
    if (values['env-file']) throw new Error(`${values['env-file']} does not exist`);
    return undefined;
  }
  return { file: path.relative(ROOT, file) || file, values: parseEnvFile(readFileSync(file, 'utf8')) };
}

// commands run in the project folder, so the plan names paths relative to it
const cli = resolveCli({
  env: process.env,
  projectBin: 'node_modules/.bin/supabase',
  exists: (p) => existsSync(path.join(ROOT, p)),
  onPath: (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0,
});

const NO_CLI = [
  'The Supabase CLI was not found. It is a devDependency (the npm package `supabase`, pinned to a',
  'release whose binary comes from the npm registry as @supabase/cli-<platform>, no download',
  'from GitHub): run `npm install`. Or name one: SUPABASE_CLI=/path/to/supabase (or',
  'SUPABASE_CLI="npx supabase").',
].join('\n');

const input: DeployInput = {
  cli: cli ?? ['supabase'],
  projectRef: values['project-ref'] ?? process.env[ENV.ref] ?? '',
  workdir: '.',
  functions: functionSlugs(),
  secrets: secretsFile(),
  seed: values.seed,
  env: { accessToken: process.env[ENV.token], dbPassword: process.env[ENV.password] },
};

const wrong = problems(input, { dryRun });
const steps = deployPlan({ ...input, projectRef: input.projectRef || '<project-ref>' });
console.log(`Deploy to ${input.projectRef ? `https://${input.projectRef}.supabase.co` : 'a hosted Supabase project'}${dryRun ? ' (dry run: nothing is run)' : ''}\n`);
console.log(formatPlan(steps));
if (!input.secrets) console.log(`\n(no function secrets: ${path.relative(ROOT, path.join(FUNCTIONS_DIR, '.env'))} does not exist; the runtime sets SUPABASE_URL and the keys itself)`);
if (!cli) console.log(`\n${NO_CLI}`);
if (wrong.length) console.error(`\n${dryRun ? 'A real run would stop here:' : 'Not run:'}\n${wrong.map((w) => `  ✗ ${w}`).join('\n')}`);

const NEXT = [
  '',
  'Then: build the panel against the project and serve dist/ with the headers in docs/DEPLOY.md:',
  `  VITE_SUPABASE_URL=https://${input.projectRef || '<project-ref>'}.supabase.co VITE_SUPABASE_ANON_KEY=<publishable key> npm run build`,
  'and set what the CLI cannot in the dashboard (site URL, redirect URLs, SMTP, rate limits, MFA): docs/DEPLOY.md.',
].join('\n');

if (dryRun) {
  console.log(NEXT);
  process.exit(0);
}
if (wrong.length || !cli) process.exit(1);

function run(step: Step): Promise<number> {
  const [cmd, ...args] = step.argv;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(step.env)) if (v !== undefined) env[k] = v;
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('error', (e) => {
      console.error(`${cmd}: ${e.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

// The npm package is a launcher; a platform without its binary package fails here, not mid-deploy.
const version = spawnSync(input.cli[0], [...input.cli.slice(1), '--version'], { cwd: ROOT, encoding: 'utf8' });
if (version.status !== 0) {
  console.error(`\n${input.cli.join(' ')} --version failed:\n${version.stderr || version.error?.message || ''}\n${NO_CLI}`);
  process.exit(1);
}
console.log(`\nSupabase CLI ${version.stdout.trim()}`);
for (const [i, step] of steps.entries()) {
  console.log(`\n— ${i + 1}/${steps.length}: ${step.title}`);
  const code = await run(step);
  if (code !== 0) {
    console.error(`\nstep ${i + 1} failed (exit ${code}); nothing after it ran. Fix the cause and run npm run deploy again: every step is safe to repeat.`);
    process.exit(code);
  }
}
console.log(`\nDeployed.${NEXT}`);
