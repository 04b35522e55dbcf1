// Every list exports through the one exporter (src/common/export): it escapes spreadsheet
// formulas and has the database record the export. react-admin's own ExportButton and the
// exporter every <List> has by default do neither, so neither may appear.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../src');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.tsx') ? [p] : [];
  });
}

/** The opening `<List …>` tags of react-admin lists (MUI's `<List dense>` is a plain list). */
function listTags(text: string): string[] {
  const tags: string[] = [];
  for (const m of text.matchAll(/<List\b/g)) {
    let depth = 0;
    let i = m.index + m[0].length;
    for (; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}') depth--;
      else if (text[i] === '>' && depth === 0) break;
    }
    const tag = text.slice(m.index, i + 1);
    if (!/\bdense\b/.test(tag)) tags.push(tag);
  }
  return tags;
}

const sources = files(SRC).map((f) => ({ file: path.relative(SRC, f), text: readFileSync(f, 'utf8') }));

it('finds the lists', () => {
  expect(sources.flatMap((s) => listTags(s.text)).length).toBeGreaterThan(15);
});

it.each(sources.filter((s) => listTags(s.text).length > 0).map((s) => [s.file, s.text]))('%s: every <List> turns the default exporter off', (_file, text) => {
  for (const tag of listTags(text)) expect(tag).toMatch(/exporter=\{false\}/);
});

it('no screen uses react-admin\'s ExportButton, BulkExportButton or an exporter of its own', () => {
  const offenders = sources.filter((s) => /\b(ExportButton|BulkExportButton|downloadCSV|defaultExporter)\b/.test(s.text) && !s.file.startsWith('common/export'));
  expect(offenders.map((s) => s.file)).toEqual([]);
});
