// `npm run deploy`'s plan: the exact CLI commands in order, what each is given, secrets never
// printed, and what stops a real run.
import { describe, expect, it } from 'vitest';
import { deployPlan, formatPlan, masked, parseEnvFile, problems, resolveCli, type DeployInput } from '../../scripts/deploy/plan.ts';

const REF = 'abcdefghijklmnopqrst';
const input = (over: Partial<DeployInput> = {}): DeployInput => ({
  cli: ['node_modules/.bin/supabase'],
  projectRef: REF,
  workdir: '.',
  functions: ['admin-users', 'rank-merchants', 'run-jobs', 'settle'],
  seed: false,
  env: { accessToken: 'sbp_token-value-1234', dbPassword: 'db-pass-5678' },
  ...over,
});

describe('deployPlan', () => {
  it('links, pushes the migrations, then deploys every function without Docker', () => {
    const steps = deployPlan(input());
    expect(steps.map((s) => s.argv)).toEqual([
      ['node_modules/.bin/supabase', 'link', '--project-ref', REF, '--workdir', '.'],
      ['node_modules/.bin/supabase', 'db', 'push', '--linked', '--yes', '--workdir', '.'],
      ['node_modules/.bin/supabase', 'functions', 'deploy', 'admin-users', 'rank-merchants', 'run-jobs', 'settle', '--project-ref', REF, '--use-api', '--workdir', '.'],
    ]);
    // the database password goes only to the steps that reach the database
    expect(steps.map((s) => Object.keys(s.env))).toEqual([
      ['SUPABASE_ACCESS_TOKEN', 'SUPABASE_DB_PASSWORD'],
      ['SUPABASE_ACCESS_TOKEN', 'SUPABASE_DB_PASSWORD'],
      ['SUPABASE_ACCESS_TOKEN'],
    ]);
    expect(steps[0].env.SUPABASE_DB_PASSWORD).toBe('db-pass-5678');
  });

  it('includes the seed only when asked', () => {
    expect(deployPlan(input({ seed: true }))[1].argv).toEqual(
      ['node_modules/.bin/supabase', 'db', 'push', '--linked', '--include-seed', '--yes', '--workdir', '.'],
    );
  });

  it('sets the functions’ secrets from their file, never on the command line', () => {
    const steps = deployPlan(input({ secrets: { file: 'supabase/functions/.env', values: { SMTP_PASS: 'hunter2-secret' } } }));
    expect(steps).toHaveLength(4);
    expect(steps[3].argv).toEqual(['node_modules/.bin/supabase', 'secrets', 'set', '--env-file', 'supabase/functions/.env', '--project-ref', REF, '--workdir', '.']);
    expect(steps[3].argv.join(' ')).not.toContain('hunter2');
    // an empty file sets nothing
    expect(deployPlan(input({ secrets: { file: 'x.env', values: {} } }))).toHaveLength(3);
  });

  it('runs the CLI however it was found', () => {
    const steps = deployPlan(input({ cli: ['npx', 'supabase'] }));
    expect(steps.every((s) => s.argv[0] === 'npx' && s.argv[1] === 'supabase')).toBe(true);
  });
});

describe('formatPlan', () => {
  it('prints the exact commands with every secret masked', () => {
    const text = formatPlan(deployPlan(input({ secrets: { file: 'supabase/functions/.env', values: { SMTP_PASS: 'hunter2-secret' } } })));
    for (const secret of ['sbp_token-value-1234', 'db-pass-5678', 'hunter2-secret']) expect(text).not.toContain(secret);
    expect(text).toContain(`SUPABASE_ACCESS_TOKEN=****** SUPABASE_DB_PASSWORD=****** node_modules/.bin/supabase link --project-ref ${REF} --workdir .`);
    expect(text).toContain('SMTP_PASS=******');
    expect(text.split('\n').filter((l) => /^\d\. /.test(l))).toHaveLength(4);
  });

  it('says which secret is missing instead of masking nothing', () => {
    expect(masked(undefined)).toBe('<not set>');
    expect(masked('')).toBe('<not set>');
    const text = formatPlan(deployPlan(input({ env: {} })));
    expect(text).toContain('SUPABASE_ACCESS_TOKEN=<not set> SUPABASE_DB_PASSWORD=<not set>');
  });

  it('quotes a word the shell would split', () => {
    expect(formatPlan(deployPlan(input({ cli: ['/opt/my tools/supabase'] })))).toContain(`'/opt/my tools/supabase' link`);
  });
});

describe('problems', () => {
  it('a real run needs the ref, the token and the password; a dry run only a well-formed ref', () => {
    expect(problems(input(), { dryRun: false })).toEqual([]);
    expect(problems(input({ env: {} }), { dryRun: false })).toHaveLength(2);
    expect(problems(input({ env: {} }), { dryRun: true })).toEqual([]);
    expect(problems(input({ projectRef: '' }), { dryRun: true })[0]).toMatch(/SUPABASE_PROJECT_REF/);
    expect(problems(input({ projectRef: 'https://abc.supabase.co' }), { dryRun: true })[0]).toMatch(/not a project ref/);
  });

  it('refuses secrets the runtime owns and names that are not names', () => {
    const found = problems(input({ secrets: { file: 'f.env', values: { SUPABASE_URL: 'x', 'BAD-NAME': 'y', FINE: 'z' } } }), { dryRun: true });
    expect(found).toEqual([
      'f.env: SUPABASE_URL is reserved: the runtime sets SUPABASE_* itself',
      'f.env: "BAD-NAME" is not a variable name',
    ]);
  });

  it('a project without functions is not deployable', () => {
    expect(problems(input({ functions: [] }), { dryRun: true })).toEqual(['no edge functions found under supabase/functions']);
  });
});

describe('parseEnvFile', () => {
  it('reads NAME=value lines as the CLI does', () => {
    expect(parseEnvFile([
      '# comment',
      '',
      'PLAIN=value',
      'export EXPORTED=1',
      'DOUBLE="with spaces # not a comment"',
      "SINGLE='x=y'",
      'TRAILING=abc # a comment',
      'EMPTY=',
      'not a line',
    ].join('\n'))).toEqual({
      PLAIN: 'value', EXPORTED: '1', DOUBLE: 'with spaces # not a comment', SINGLE: 'x=y', TRAILING: 'abc', EMPTY: '',
    });
  });
});

describe('resolveCli', () => {
  const none = { exists: () => false, onPath: () => false, projectBin: 'node_modules/.bin/supabase' };
  it('prefers SUPABASE_CLI, then the project’s own, then the PATH', () => {
    expect(resolveCli({ ...none, env: { SUPABASE_CLI: 'npx supabase' }, exists: () => true })).toEqual(['npx', 'supabase']);
    expect(resolveCli({ ...none, env: {}, exists: () => true, onPath: () => true })).toEqual(['node_modules/.bin/supabase']);
    expect(resolveCli({ ...none, env: {}, onPath: () => true })).toEqual(['supabase']);
    expect(resolveCli({ ...none, env: { SUPABASE_CLI: '  ' } })).toBeUndefined();
  });
});
