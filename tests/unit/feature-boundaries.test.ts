// The shape of src/: one manifest per feature, listed once; manifests that keep screens lazy;
// feature folders that borrow from each other only to show or link to one another's records
// (what two features share lives in src/common/).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/features';

const SRC = path.resolve(__dirname, '../../src');
/** Folders of src/ that are not features. */
const SHELL = new Set(['common', 'providers', 'i18n', 'layout', 'types']);
const MAX_CROSS_FEATURE_IMPORTS = 15;

const features = readdirSync(SRC).filter((d) => statSync(path.join(SRC, d)).isDirectory() && !SHELL.has(d));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return filesUnder(p);
    return /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** Every module an import or export statement names (static imports only: `import(…)` is lazy). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gms)].map((m) => m[1]);
}

/** `<feature file> → <module>` for every import of another feature's folder. */
function crossFeatureImports(): string[] {
  return features.flatMap((feature) =>
    filesUnder(path.join(SRC, feature)).flatMap((file) => {
      const fromDir = path.dirname(file);
      return importsOf(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => path.relative(SRC, path.resolve(fromDir, spec)).split(path.sep)[0])
        .filter((top) => top !== feature && features.includes(top))
        .map((top) => `${path.relative(SRC, file)} → ${top}`);
    }),
  );
}

describe('feature folders', () => {
  it('are all listed, once, in src/features.ts', () => {
    expect(FEATURES.map((f) => f.name).sort()).toEqual([...features].sort());
  });

  it('name their resources in their own messages, in both languages', () => {
    type Named = { resources?: Record<string, { name?: string }> };
    for (const f of FEATURES) {
      for (const r of f.resources) {
        for (const lang of ['zh', 'en'] as const) {
          expect((f.messages?.[lang] as Named | undefined)?.resources?.[r.name]?.name, `${f.name} ${lang} ${r.name}`).toBeTruthy();
        }
      }
    }
  });

  it('keep screens out of their manifest (index.ts imports icons, the Feature type and messages only)', () => {
    for (const feature of features) {
      const allowed = (spec: string) => spec.startsWith('@mui/icons-material/') || spec === '../common/feature' || spec === './messages';
      expect(importsOf(path.join(SRC, feature, 'index.ts')).filter((spec) => !allowed(spec)), feature).toEqual([]);
    }
  });

  it(`import one another at most ${MAX_CROSS_FEATURE_IMPORTS} times`, () => {
    const found = crossFeatureImports();
    console.log(`cross-feature imports: ${found.length}\n  ${found.join('\n  ')}`);
    expect(found.length).toBeLessThanOrEqual(MAX_CROSS_FEATURE_IMPORTS);
  });
});
