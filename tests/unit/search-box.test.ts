import { describe, expect, it, vi } from 'vitest';
import { grouped, HIT_KINDS } from '../../src/search/kinds';
import { searchHeader, searchModes } from '../../src/providers/listSearch';
import { canAccess } from '../../src/providers/access';

describe('the app bar search results', () => {
  it('groups results by kind, numbers first, each group in the database\'s order', () => {
    const hits = [
      { kind: 'listing', id: 'l1' }, { kind: 'member', id: 'm1' }, { kind: 'payment', id: 'p1' },
      { kind: 'member', id: 'm2' }, { kind: 'unknown', id: 'x' },
    ];
    expect(grouped(hits).map((g) => [g.kind.kind, g.hits.map((h) => h.id)])).toEqual([
      ['payment', ['p1']], ['member', ['m1', 'm2']], ['listing', ['l1']],
    ]);
  });

  it('opens every kind on a resource that has a show page for someone', () => {
    for (const k of HIT_KINDS) expect(canAccess('admin', k.resource, 'show'), k.kind).toBe(true);
  });
});

describe('the big lists\' search protocol', () => {
  it('sends the words as the hex of their UTF-8 bytes', () => {
    expect(searchHeader('浩然')).toBe('e6b5a9e784b6');
    expect(searchHeader('x5 白')).toBe('783520e799bd');
  });

  it('asks once per list and entry, and falls back to words when the question fails', async () => {
    const ask = vi.fn(async (kind: string, text: string) => (text === 'boom' ? Promise.reject(new Error('down')) : kind === 'members' ? 'hits' : 'words'));
    const modeOf = searchModes(ask as never);
    expect(await modeOf('members', '浩然')).toBe('hits');
    expect(await modeOf('members', '浩然')).toBe('hits');
    expect(await modeOf('listings', '浩然')).toBe('words');
    expect(ask).toHaveBeenCalledTimes(2);
    expect(await modeOf('members', 'boom')).toBe('words');
  });
});
