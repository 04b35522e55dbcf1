import { describe, expect, it } from 'vitest';
import { countStrategy, mapSearch, planSearch, readTarget } from '../../src/providers/resourceMap';
import { parseRatePercent } from '../../src/merchants/CommissionButton';
import { pinyinOf } from '../../src/common/pinyin';

describe('reviewer resources in the read map', () => {
  it('reads the v_* views and never counts listings exactly', () => {
    expect(readTarget('listings')).toBe('v_listings');
    expect(readTarget('merchant_applications')).toBe('v_merchant_applications');
    expect(readTarget('catalogue')).toBe('v_car_brands');
    expect(countStrategy('listings')).not.toBe('exact');
  });

  it('sends 1–2 character words to the grams index and longer ones to trigram ilike (small lists)', () => {
    expect(mapSearch('merchant_applications', { q: '宝马' })).toEqual({ 'search_grams@cs': '{宝马}' });
    expect(mapSearch('merchant_applications', { q: ' 宝马  X5 ' })).toEqual({ 'search_grams@cs': '{宝马,x5}' });
    expect(mapSearch('merchant_applications', { q: 'baoma', state: 'submitted' })).toEqual({ 'search@ilike': 'baoma', state: 'submitted' });
    expect(mapSearch('merchant_applications', { q: '宝马 汉兰达' })).toEqual({ 'search_grams@cs': '{宝马}', 'search@ilike': '汉兰达' });
    expect(mapSearch('merchant_applications', { q: '{a}' })).toEqual({ 'search_grams@cs': '{a}' });
    expect(mapSearch('promotions', { q: 'x' })).toEqual({});
  });

  it('keeps the words of the big lists apart for the database (no PostgREST filter of their own)', () => {
    expect(planSearch('listings', { q: ' 宝马  X5 ', kind: 'rental' })).toEqual({ filter: { kind: 'rental' }, words: { kind: 'listings', text: '宝马 x5' } });
    expect(planSearch('members', { q: '浩然' })).toEqual({ filter: {}, words: { kind: 'members', text: '浩然' } });
    expect(planSearch('merchants', { q: '  ', status: 'active' })).toEqual({ filter: { status: 'active' } });
    expect(planSearch('complaints', { q: '加价 2000' }).words).toEqual({ kind: 'complaints', text: '加价 2000' });
  });
});

describe('small parsers', () => {
  it('reads a commission rate typed in percent', () => {
    expect(parseRatePercent('')).toBeNull();
    expect(parseRatePercent('3.5')).toBe(0.035);
    expect(parseRatePercent('1.25')).toBe(0.0125);
    expect(parseRatePercent('100')).toBeUndefined();
    expect(parseRatePercent('-1')).toBeUndefined();
    expect(parseRatePercent('abc')).toBeUndefined();
  });

  it('fills pinyin and initials of catalogue names', () => {
    expect(pinyinOf('宝马')).toEqual({ pinyin: 'baoma', initials: 'bm' });
    expect(pinyinOf('途观L')).toEqual({ pinyin: 'tuguanl', initials: 'tgl' });
  });
});
