import { describe, expect, it } from 'vitest';
import { countStrategy, mapSearch, readTarget } from '../../src/providers/resourceMap';
import { parseRatePercent } from '../../src/merchants/CommissionButton';
import { pinyinOf } from '../../src/common/pinyin';

describe('reviewer resources in the read map', () => {
  it('reads the v_* views and never counts listings exactly', () => {
    expect(readTarget('listings')).toBe('v_listings');
    expect(readTarget('merchant_applications')).toBe('v_merchant_applications');
    expect(readTarget('catalogue')).toBe('v_car_brands');
    expect(countStrategy('listings')).not.toBe('exact');
  });

  it('sends 1–2 character words to the grams index and longer ones to trigram ilike', () => {
    expect(mapSearch('listings', { q: '宝马' })).toEqual({ 'search_grams@cs': '{宝马}' });
    expect(mapSearch('listings', { q: ' 宝马  X5 ' })).toEqual({ 'search_grams@cs': '{宝马,x5}' });
    expect(mapSearch('listings', { q: 'bm' })).toEqual({ 'search_grams@cs': '{bm}' });
    expect(mapSearch('listings', { q: 'baoma', kind: 'rental' })).toEqual({ 'search@ilike': 'baoma', kind: 'rental' });
    expect(mapSearch('listings', { q: '宝马 汉兰达' })).toEqual({ 'search_grams@cs': '{宝马}', 'search@ilike': '汉兰达' });
    expect(mapSearch('merchants', { q: '{a}' })).toEqual({ 'search_grams@cs': '{a}' });
    expect(mapSearch('promotions', { q: 'x' })).toEqual({});
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
