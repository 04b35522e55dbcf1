// What `npm run deploy` does to a hosted Supabase project, as data: the Supabase CLI commands in
// order, the environment each needs, and how to print them with every secret masked. Pure (no
// file, process or network access), so the plan is the same whether it is printed (--dry-run)
// or run, and the unit tests check it exactly.

/** The environment variables the deploy reads. */
export const ENV = {
  token: 'SUPABASE_ACCESS_TOKEN',
  ref: 'SUPABASE_PROJECT_REF',
  password: 'SUPABASE_DB_PASSWORD',
  cli: 'SUPABASE_CLI',
} as const;

export interface DeployInput {
  /** how to run the CLI: a binary, or a command and its first words (`npx supabase`) */
  cli: string[];
  projectRef: string;
  /** the project folder the CLI works in (the one holding supabase/) */
  workdir: string;
  /** edge functions to deploy, by slug */
  functions: string[];
  /** the file of function secrets (NAME=value lines) and what it holds; none when absent */
  secrets?: { file: string; values: Record<string, string> };
  /** also run the demo seed (`db push --include-seed`) */
  seed: boolean;
  /** what the environment gives; a missing value is named in the plan and refused when run */
  env: { accessToken?: string; dbPassword?: string };
}

export interface Step {
  title: string;
  argv: string[];
  /** variables this step passes to the CLI (all secret) */
  env: Record<string, string | undefined>;
  /** secret values the step reads from a file, by name, for the printed plan */
  fileSecrets?: Record<string, string>;
}

/** A project ref: the 20 lower-case letters in `https://<ref>.supabase.co`. */
export const PROJECT_REF = /^[a-z]{20}$/;
/** Function secret names: the runtime's own SUPABASE_* names cannot be set. */
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Why the input cannot be deployed, one line each; empty when it can. */
export function problems(input: DeployInput, opts: { dryRun: boolean }): string[] {
  const out: string[] = [];
  if (!input.projectRef) out.push(`${ENV.ref} (or --project-ref) is not set: the project ref, from https://<ref>.supabase.co`);
  else if (!PROJECT_REF.test(input.projectRef)) out.push(`"${input.projectRef}" is not a project ref (20 lower-case letters, as in https://<ref>.supabase.co)`);
  if (!opts.dryRun) {
    if (!input.env.accessToken) out.push(`${ENV.token} is not set: a personal access token from the dashboard (Account → Access Tokens)`);
    if (!input.env.dbPassword) out.push(`${ENV.password} is not set: the database password of the project (Project Settings → Database)`);
  }
  for (const name of Object.keys(input.secrets?.values ?? {})) {
    if (!SECRET_NAME.test(name)) out.push(`${input.secrets!.file}: "${name}" is not a variable name`);
    else if (name.startsWith('SUPABASE_')) out.push(`${input.secrets!.file}: ${name} is reserved: the runtime sets SUPABASE_* itself`);
  }
  if (input.functions.length === 0) out.push('no edge functions found under supabase/functions');
  return out;
}

export function deployPlan(input: DeployInput): Step[] {
  const ref = input.projectRef;
  const common = ['--workdir', input.workdir];
  const token = { [ENV.token]: input.env.accessToken };
  const withPassword = { ...token, [ENV.password]: input.env.dbPassword };
  const steps: Step[] = [
    {
      title: 'link the project (remembers the ref and checks the database password)',
      argv: [...input.cli, 'link', '--project-ref', ref, ...common],
      env: withPassword,
    },
    {
      title: input.seed ? 'apply supabase/migrations not yet applied, then the demo seed' : 'apply supabase/migrations not yet applied',
      // --yes: the CLI asks before pushing; --linked: the project just linked
      argv: [...input.cli, 'db', 'push', '--linked', ...(input.seed ? ['--include-seed'] : []), '--yes', ...common],
      env: withPassword,
    },
    {
      title: `deploy the edge functions, bundled by the platform (no Docker); verify_jwt from supabase/config.toml`,
      argv: [...input.cli, 'functions', 'deploy', ...input.functions, '--project-ref', ref, '--use-api', ...common],
      env: token,
    },
  ];
  if (input.secrets && Object.keys(input.secrets.values).length > 0) {
    steps.push({
      title: 'set the functions\' secrets (read from the file, never on the command line)',
      argv: [...input.cli, 'secrets', 'set', '--env-file', input.secrets.file, '--project-ref', ref, ...common],
      env: token,
      fileSecrets: input.secrets.values,
    });
  }
  return steps;
}

/** A secret as the plan shows it: never its value, only whether it is there. */
export function masked(value: string | undefined): string {
  return value ? '******' : '<not set>';
}

/** A word of a command as a POSIX shell would need it written. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The plan as text: each step's title, the exact command (secrets masked) and the file's secret names. */
export function formatPlan(steps: Step[]): string {
  const lines: string[] = [];
  steps.forEach((step, i) => {
    lines.push(`${i + 1}. ${step.title}`);
    const env = Object.entries(step.env).map(([k, v]) => `${k}=${masked(v)}`);
    lines.push(`   ${[...env, ...step.argv.map(shellWord)].join(' ')}`);
    for (const [name, value] of Object.entries(step.fileSecrets ?? {})) lines.push(`     ${name}=${masked(value)}`);
  });
  return lines.join('\n');
}

/**
 * NAME=value lines as the CLI's --env-file reads them: `#` comments and blank lines skipped,
 * an optional `export `, values optionally in single or double quotes.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([^=\s]+)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2];
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2];
    else value = value.replace(/\s+#.*$/, '');
    out[m[1]] = value;
  }
  return out;
}

/**
 * How to run the Supabase CLI, in this order: $SUPABASE_CLI (a path, or a command such as
 * `npx supabase`), the project's own (`npm install` brings the `supabase` package, whose
 * binary comes from the npm registry as @supabase/cli-<platform>), `supabase` on the PATH.
 */
export function resolveCli(opts: { env: Record<string, string | undefined>; projectBin: string; exists(path: string): boolean; onPath(name: string): boolean }): string[] | undefined {
  const given = opts.env[ENV.cli]?.trim();
  if (given) return given.split(/\s+/);
  if (opts.exists(opts.projectBin)) return [opts.projectBin];
  if (opts.onPath('supabase')) return ['supabase'];
  return undefined;
}
