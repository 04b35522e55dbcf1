import { pinyin } from 'pinyin-pro';

/** 宝马 → { pinyin: 'baoma', initials: 'bm' }; Latin letters and digits are kept, lower-cased. */
export function pinyinOf(name: string): { pinyin: string; initials: string } {
  const text = name.trim();
  if (!text) return { pinyin: '', initials: '' };
  const full = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }) as string[];
  const first = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }) as string[];
  const clean = (parts: string[]) => parts.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
  return { pinyin: clean(full), initials: clean(first) };
}
