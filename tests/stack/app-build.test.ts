// `npm start` serves the production build, made once and reused until what goes into it
// changes (scripts/local-stack/app.ts): a second start with the same sources and API address
// reuses the build without running Vite; a changed source file or another API address is a
// different hash; an interrupted build (no hash written) is made again.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appSourceHash, ensureAppBuild } from '../../scripts/local-stack/app.ts';
import { logger } from '../../scripts/local-stack/log.ts';

const ENV = { VITE_SUPABASE_URL: 'http://127.0.0.1:1', VITE_SUPABASE_ANON_KEY: 'test' };
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('the production build of npm start', () => {
  it('is built once and reused while its sources are the same', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'app-build-'));
    dirs.push(out);
    const log = logger('app', { quiet: true });
    const first = await ensureAppBuild(out, ENV, log);
    expect(first.built).toBe(true);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toMatch(/<script type="module"[^>]+src="\/assets\/index-[\w-]+\.js"/);

    const again = await ensureAppBuild(out, ENV, log);
    expect(again.built).toBe(false);
    expect(again.ms).toBeLessThan(first.ms);

    // an interrupted build left no hash: it is made again
    await rm(path.join(out, '.source-hash'));
    await writeFile(path.join(out, 'index.html'), 'half');
    expect((await ensureAppBuild(out, ENV, log)).built).toBe(true);
  }, 600_000);

  it('has another hash for another API address, a changed source file or a new one', async () => {
    // a checkout of its own: src/, index.html, the lock file
    const root = await mkdtemp(path.join(os.tmpdir(), 'app-hash-'));
    dirs.push(root);
    await mkdir(path.join(root, 'src'));
    await writeFile(path.join(root, 'src', 'main.tsx'), 'export {};\n');
    await writeFile(path.join(root, 'index.html'), '<div id="root"></div>\n');
    await writeFile(path.join(root, 'package-lock.json'), '{}\n');
    const base = appSourceHash(ENV, root);
    expect(appSourceHash(ENV, root)).toBe(base);
    expect(appSourceHash({ ...ENV, VITE_SUPABASE_URL: 'http://127.0.0.1:2' }, root)).not.toBe(base);
    await writeFile(path.join(root, 'src', 'main.tsx'), 'export const changed = 1;\n');
    const edited = appSourceHash(ENV, root);
    expect(edited).not.toBe(base);
    await writeFile(path.join(root, 'src', 'extra.ts'), 'export {};\n');
    expect(appSourceHash(ENV, root)).not.toBe(edited);
    // the repository's own hash is stable between two reads
    expect(appSourceHash(ENV)).toBe(appSourceHash(ENV));
  });
});
