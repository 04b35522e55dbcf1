import { describe, expect, it } from 'vitest';
import { catalogueFilters, MAX_MODELS_PER_WORD, type SearchTerm } from '../../src/providers/catalogueSearch';
import { planSearch, searchesCatalogue } from '../../src/providers/resourceMap';

// A slice of the demo catalogue, as v_search_terms returns it.
const terms: SearchTerm[] = [
  { level: 'brand', id: 1, brand_id: 1, series_id: null, terms: '宝马 bmw baoma bm' },
  { level: 'brand', id: 2, brand_id: 2, series_id: null, terms: '奔驰 mercedes-benz benchi bc' },
  { level: 'brand', id: 4, brand_id: 4, series_id: null, terms: '大众 volkswagen dazhong dz' },
  { level: 'brand', id: 5, brand_id: 5, series_id: null, terms: '丰田 toyota fengtian ft' },
  { level: 'series', id: 4, brand_id: 1, series_id: 4, terms: 'x5 x5 x5 bmx5' },
  { level: 'series', id: 12, brand_id: 4, series_id: 12, terms: '宝来 baolai bl dzbl' },
  { level: 'series', id: 18, brand_id: 5, series_id: 18, terms: '汉兰达 hanlanda hld fthld' },
  { level: 'model', id: 40, brand_id: 1, series_id: 4, terms: '2021款 xdrive30li 尊享型' },
  { level: 'model', id: 41, brand_id: 5, series_id: 18, terms: '2022款 2.0t 尊享型' },
  { level: 'model', id: 42, brand_id: 4, series_id: 12, terms: '2023款 1.5t 舒适型' },
];

describe('catalogue words become indexed id filters', () => {
  it('maps a brand, a series and a model to one id filter each', () => {
    expect(catalogueFilters(['宝马'], terms)).toEqual({ filter: { 'brand_id@in': '(1)' }, rest: [] });
    expect(catalogueFilters(['bmw'], terms).filter).toEqual({ 'brand_id@in': '(1)' });
    expect(catalogueFilters(['baoma'], terms).filter).toEqual({ 'brand_id@in': '(1)' });
    expect(catalogueFilters(['bm'], terms).filter).toEqual({ 'brand_id@in': '(1)' });
    expect(catalogueFilters(['汉兰达'], terms).filter).toEqual({ 'series_id@in': '(18)' });
    expect(catalogueFilters(['x5'], terms).filter).toEqual({ 'series_id@in': '(4)' });
    expect(catalogueFilters(['xdrive'], terms).filter).toEqual({ 'model_id@in': '(40)' });
    expect(catalogueFilters(['尊享'], terms).filter).toEqual({ 'model_id@in': '(40,41)' });
  });

  it('keeps only the broadest level a word names (宝马 covers its X5 models)', () => {
    // "xdrive30li" names model 40 only; "宝马 xdrive30li" is the brand AND that model
    expect(catalogueFilters(['宝马', 'xdrive30li'], terms).filter).toEqual({ 'brand_id@in': '(1)', 'model_id@in': '(40)' });
  });

  it('reads a model year (2022, 2022款, 2022年) as the listing year; a second year goes to the text search', () => {
    expect(catalogueFilters(['汉兰达', '2022款'], terms)).toEqual({ filter: { 'series_id@in': '(18)', 'year@eq': '2022' }, rest: [] });
    expect(catalogueFilters(['2021年'], terms).filter).toEqual({ 'year@eq': '2021' });
    expect(catalogueFilters(['2021', '2030'], terms)).toEqual({ filter: { 'year@eq': '2021' }, rest: ['2030'] });
    expect(catalogueFilters(['1888'], terms).rest).toEqual(['1888']);
  });

  it('ANDs words on the same column by keeping the ids both name', () => {
    expect(catalogueFilters(['宝马', 'bmw'], terms).filter).toEqual({ 'brand_id@in': '(1)' });
    expect(catalogueFilters(['宝马', '奔驰'], terms).filter).toEqual({ 'brand_id@in': '()' });
  });

  it('puts a word naming two levels into one or, and a second such word into the text search', () => {
    // 宝 names the brand 宝马 and the series 宝来 (of 大众)
    expect(catalogueFilters(['宝'], terms)).toEqual({ filter: { '@or': { 'brand_id@in': '(1)', 'series_id@in': '(12)' } }, rest: [] });
    expect(catalogueFilters(['宝', '宝'], terms).rest).toEqual(['宝']);
  });

  it('leaves unknown words, single Latin letters and over-broad words to the text search', () => {
    expect(catalogueFilters(['准新车', 'x'], terms)).toEqual({ filter: {}, rest: ['准新车', 'x'] });
    const many: SearchTerm[] = Array.from({ length: MAX_MODELS_PER_WORD + 1 }, (_, i) => ({
      level: 'model', id: 100 + i, brand_id: 9, series_id: 90 + (i % 3), terms: `${2000 + i}款 通用型`,
    }));
    expect(catalogueFilters(['通用型'], many)).toEqual({ filter: {}, rest: ['通用型'] });
  });
});

describe('the listings search box with the catalogue', () => {
  it('sends catalogue words as id filters and the rest to the database search', () => {
    expect(searchesCatalogue('listings', { q: '宝马' })).toBe(true);
    expect(searchesCatalogue('listings', { q: ' ' })).toBe(false);
    expect(searchesCatalogue('members', { q: '张' })).toBe(false);
    expect(planSearch('listings', { q: '宝马 X5', kind: 'used_sale' }, terms)).toEqual({
      filter: { kind: 'used_sale', 'brand_id@in': '(1)', 'series_id@in': '(4)' },
    });
    expect(planSearch('listings', { q: '汉兰达 准新车 银色' }, terms)).toEqual({
      filter: { 'series_id@in': '(18)' }, words: { kind: 'listings', text: '准新车 银色' },
    });
    // without the terms (not loaded yet, or the request failed) the database search does it all
    expect(planSearch('listings', { q: '宝马' })).toEqual({ filter: {}, words: { kind: 'listings', text: '宝马' } });
  });
});
