// Generates the demo images the local stack seeds into Storage (supabase/seed/images/<bucket>/<name>):
// stylised car side views per body type and colour, mock business licences (营业执照) and road
// transport permits, and complaint evidence pictures. Everything is drawn here as small SVG, so
// nothing is downloaded and nothing resembles a real document: every paper carries 样本/SAMPLE,
// fake names, placeholder codes and no national emblem. Deterministic: re-running rewrites the
// same bytes. Usage: `npx tsx scripts/make-seed-images.ts`
import fs from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './local-stack/config.ts';

const OUT = path.join(ROOT, 'supabase', 'seed', 'images');
const FONT = "'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC',sans-serif";
const SERIF = "'Songti SC','SimSun','Noto Serif CJK SC','Source Han Serif SC',serif";

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function svg(w: number, h: number, title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img">
<title>${esc(title)}</title>
${body.trim()}
</svg>
`;
}

/** Small deterministic PRNG (mulberry32) for QR-like patterns. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- cars ------------------------------------------------------------------------------

interface BodyType {
  key: string;
  label: string;
  body: string;
  windows: string[];
  wheels: [number, number];
  r: number;
  extra?: string;
}

// Side views facing right on a 640×400 canvas, ground at y = 342.
const BODIES: BodyType[] = [
  {
    key: 'sedan',
    label: '轿车 Sedan',
    body: 'M58,310 L60,262 Q64,240 96,236 L196,226 L254,176 Q266,166 288,165 L418,165 Q440,166 456,178 L508,222 L568,232 Q598,238 602,264 L602,310 Z',
    windows: ['M266,182 Q274,176 290,175 L356,175 L356,222 L218,226 Z', 'M368,175 L420,175 Q438,176 450,188 L486,220 L368,222 Z'],
    wheels: [164, 500],
    r: 40,
  },
  {
    key: 'suv',
    label: 'SUV',
    body: 'M50,312 L50,232 Q52,210 82,206 L150,198 L198,142 Q208,130 228,130 L486,130 Q512,130 524,146 L560,198 Q592,204 598,232 L598,312 Z',
    windows: ['M210,148 Q218,142 232,142 L330,142 L330,196 L168,200 Z', 'M342,142 L440,142 L440,196 L342,196 Z', 'M452,142 L484,142 Q502,142 512,156 L540,196 L452,196 Z'],
    wheels: [156, 496],
    r: 46,
    extra: '<rect x="214" y="118" width="260" height="8" rx="4" fill="#2c2f36"/>',
  },
  {
    key: 'mpv',
    label: 'MPV',
    body: 'M48,312 L48,224 Q52,204 88,198 L150,124 Q162,110 184,110 L530,110 Q568,112 574,146 L584,206 Q598,218 598,244 L598,312 Z',
    windows: ['M164,128 Q172,120 188,120 L282,120 L282,196 L112,200 Z', 'M294,120 L404,120 L404,196 L294,196 Z', 'M416,120 L528,120 Q556,122 560,146 L566,196 L416,196 Z'],
    wheels: [150, 500],
    r: 42,
    extra: '<path d="M300,200 L300,300 M410,200 L410,300" stroke="#00000033" stroke-width="2"/>',
  },
  {
    key: 'hatchback',
    label: '两厢车 Hatchback',
    body: 'M92,312 L92,206 Q94,170 126,164 L372,160 Q388,160 400,170 L456,218 L540,230 Q568,236 570,262 L570,312 Z',
    windows: ['M112,210 L112,186 Q114,174 130,172 L232,170 L232,214 Z', 'M244,170 L362,170 Q380,171 392,182 L424,214 L244,214 Z'],
    wheels: [178, 484],
    r: 40,
  },
  {
    key: 'pickup',
    label: '皮卡 Pickup',
    body: 'M40,312 L40,214 L300,214 L300,150 Q304,134 326,134 L432,134 Q448,134 458,150 L494,204 L574,214 Q598,220 602,246 L602,312 Z',
    windows: ['M316,150 L430,150 Q440,150 448,160 L478,206 L316,206 Z'],
    wheels: [142, 502],
    r: 44,
    extra: '<path d="M48,214 L292,214 L292,228 L48,228 Z" fill="#00000022"/><rect x="40" y="206" width="260" height="8" fill="#2c2f36"/>',
  },
  {
    key: 'sports',
    label: '跑车 Sports',
    body: 'M50,314 L56,268 Q62,248 102,242 L232,226 Q282,184 334,180 L420,182 Q472,192 524,232 L592,246 Q614,252 612,280 L606,314 Z',
    windows: ['M268,222 Q300,194 336,192 L410,194 Q444,200 474,226 Z'],
    wheels: [164, 512],
    r: 38,
    extra: '<path d="M56,240 L52,222 L104,222 L108,240 Z" fill="#2c2f36"/>',
  },
  {
    key: 'ev',
    label: '新能源 EV',
    body: 'M60,312 L60,252 Q62,226 100,222 L190,214 Q252,162 324,156 L424,160 Q484,168 542,222 Q592,230 602,258 L602,312 Z',
    windows: ['M212,212 Q262,172 326,168 L380,168 L380,214 Z', 'M392,168 L424,170 Q470,176 512,214 L392,214 Z'],
    wheels: [168, 500],
    r: 40,
    extra: '<rect x="560" y="236" width="40" height="6" rx="3" fill="#bfe9ff"/>' +
      '<path d="M300,250 L290,272 L302,272 L294,292 L316,262 L304,262 L312,250 Z" fill="#2fb36b"/>',
  },
];

const COLOURS: Record<string, { fill: string; shade: string; label: string }> = {
  white: { fill: '#f3f4f6', shade: '#c9ced6', label: '白色' },
  black: { fill: '#23262d', shade: '#101216', label: '黑色' },
  red: { fill: '#c8312f', shade: '#8e1f1e', label: '红色' },
  blue: { fill: '#2b5fa8', shade: '#1b3d70', label: '蓝色' },
  grey: { fill: '#7d848c', shade: '#565b61', label: '灰色' },
  silver: { fill: '#c3c8ce', shade: '#8f959d', label: '银色' },
  yellow: { fill: '#f2c230', shade: '#b58d16', label: '黄色' },
  green: { fill: '#3f7d4e', shade: '#285434', label: '绿色' },
};

/** Which colours each body type comes in (object names: cars/<type>-<colour>.svg). */
const CAR_SET: Array<[string, string]> = [
  ['sedan', 'white'], ['sedan', 'black'], ['sedan', 'red'],
  ['suv', 'white'], ['suv', 'blue'], ['suv', 'grey'],
  ['mpv', 'silver'], ['mpv', 'black'],
  ['hatchback', 'red'], ['hatchback', 'yellow'],
  ['pickup', 'grey'], ['pickup', 'green'],
  ['sports', 'red'], ['sports', 'yellow'],
  ['ev', 'white'], ['ev', 'blue'],
];

function wheel(cx: number, r: number): string {
  const spokes = [0, 72, 144, 216, 288]
    .map((a) => {
      const rad = (a * Math.PI) / 180;
      return `<line x1="${cx}" y1="${342 - r}" x2="${(cx + Math.cos(rad) * r * 0.55).toFixed(1)}" y2="${(342 - r + Math.sin(rad) * r * 0.55).toFixed(1)}"/>`;
    })
    .join('');
  const cy = 342 - r;
  return `<circle cx="${cx}" cy="${cy}" r="${r + 6}" fill="#15171b"/>` +
    `<circle cx="${cx}" cy="${cy}" r="${r}" fill="#2a2d33"/>` +
    `<circle cx="${cx}" cy="${cy}" r="${(r * 0.62).toFixed(1)}" fill="#b9bec6"/>` +
    `<g stroke="#6c727b" stroke-width="4" stroke-linecap="round">${spokes}</g>` +
    `<circle cx="${cx}" cy="${cy}" r="${(r * 0.14).toFixed(1)}" fill="#6c727b"/>`;
}

function car(type: BodyType, colourKey: string, n: number): string {
  const c = COLOURS[colourKey];
  const ev = type.key === 'ev';
  const plate = ev
    ? { bg: '#5bd08a', fg: '#10341f', text: `样A·D0000${n % 10}` }
    : { bg: '#1f4fb5', fg: '#ffffff', text: `样A·0000${n % 10}` };
  const [w1, w2] = type.wheels;
  const arches = [w1, w2].map((x) => `<circle cx="${x}" cy="${342 - type.r}" r="${type.r + 12}" fill="${c.shade}"/>`).join('');
  const front = type.key === 'pickup' ? 596 : type.key === 'hatchback' ? 564 : 596;
  return svg(640, 400, `${type.label} · ${c.label}（示例图片 SAMPLE）`, `
<defs>
  <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#eef3f8"/><stop offset="1" stop-color="#dfe6ee"/></linearGradient>
  <linearGradient id="paint" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${c.fill}"/><stop offset="1" stop-color="${c.shade}"/></linearGradient>
  <linearGradient id="glass" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#9fc3dd"/><stop offset="1" stop-color="#3d5a74"/></linearGradient>
</defs>
<rect width="640" height="400" fill="url(#sky)"/>
<rect y="342" width="640" height="58" fill="#c9d0d8"/>
<ellipse cx="330" cy="344" rx="290" ry="12" fill="#00000030"/>
<path d="${type.body}" fill="url(#paint)" stroke="${c.shade}" stroke-width="2" stroke-linejoin="round"/>
${type.extra ?? ''}
${type.windows.map((d) => `<path d="${d}" fill="url(#glass)" stroke="#1d2430" stroke-width="2" stroke-linejoin="round"/>`).join('\n')}
<path d="M${type.body.split(' ')[0].slice(1).split(',')[0]},280 L${front},280" stroke="#00000026" stroke-width="3"/>
<rect x="${front - 22}" y="248" width="22" height="12" rx="4" fill="#fff6c8" stroke="#00000040"/>
<rect x="${type.key === 'pickup' ? 40 : type.key === 'hatchback' ? 92 : 56}" y="252" width="12" height="14" rx="3" fill="#e0443e"/>
${arches}
${wheel(w1, type.r)}
${wheel(w2, type.r)}
<rect x="${front - 86}" y="292" width="72" height="20" rx="3" fill="${plate.bg}" stroke="#ffffff" stroke-width="1.5"/>
<text x="${front - 50}" y="307" font-family="${FONT}" font-size="12" font-weight="700" fill="${plate.fg}" text-anchor="middle">${plate.text}</text>
<text x="20" y="34" font-family="${FONT}" font-size="18" font-weight="700" fill="#334155">${esc(type.label)} · ${c.label}</text>
<text x="620" y="388" font-family="${FONT}" font-size="12" fill="#64748b" text-anchor="end">示例图片 SAMPLE · 运营总后台演示数据</text>
`);
}

// ---- documents -------------------------------------------------------------------------

/** A red round seal with the issuer's name along the rim and a star in the middle. */
function seal(cx: number, cy: number, r: number, issuer: string, id: string, sub = ''): string {
  const fs = Math.round(r / 4);
  return `<g opacity="0.82">
  <defs><path id="${id}" d="M${cx - r + 14},${cy} A${r - 14},${r - 14} 0 1 1 ${cx + r - 14},${cy}"/></defs>
  <circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="#d4232b" stroke-width="5"/>
  <text font-family="${SERIF}" font-size="${fs}" font-weight="700" fill="#d4232b" letter-spacing="1">
    <textPath href="#${id}" startOffset="50%" text-anchor="middle">${esc(issuer)}</textPath></text>
  <path d="${star(cx, cy + 2, r / 3, r / 7.5)}" fill="#d4232b"/>
  ${sub ? `<text x="${cx}" y="${cy + r - 18}" font-family="${SERIF}" font-size="${Math.round(fs * 0.75)}" fill="#d4232b" text-anchor="middle">${esc(sub)}</text>` : ''}
</g>`;
}

function star(cx: number, cy: number, outer: number, inner: number): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push(`${(cx + Math.cos(a) * r).toFixed(1)},${(cy + Math.sin(a) * r).toFixed(1)}`);
  }
  return `M${pts.join(' L')} Z`;
}

function qr(x: number, y: number, size: number, seed: number): string {
  const n = 21;
  const cell = size / n;
  const rnd = prng(seed);
  const out: string[] = [`<rect x="${x}" y="${y}" width="${size}" height="${size}" fill="#fff"/>`];
  const finder = (fx: number, fy: number) =>
    `<rect x="${x + fx * cell}" y="${y + fy * cell}" width="${7 * cell}" height="${7 * cell}" fill="#111"/>` +
    `<rect x="${x + (fx + 1) * cell}" y="${y + (fy + 1) * cell}" width="${5 * cell}" height="${5 * cell}" fill="#fff"/>` +
    `<rect x="${x + (fx + 2) * cell}" y="${y + (fy + 2) * cell}" width="${3 * cell}" height="${3 * cell}" fill="#111"/>`;
  const inFinder = (i: number, j: number) => (i < 8 && j < 8) || (i > n - 9 && j < 8) || (i < 8 && j > n - 9);
  let d = '';
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (!inFinder(i, j) && rnd() < 0.45) d += `M${(x + i * cell).toFixed(1)},${(y + j * cell).toFixed(1)}h${cell.toFixed(1)}v${cell.toFixed(1)}h-${cell.toFixed(1)}Z`;
    }
  }
  out.push(`<path d="${d}" fill="#111"/>`, finder(0, 0), finder(n - 7, 0), finder(0, n - 7));
  return out.join('');
}

function watermark(w: number, h: number): string {
  return `<g font-family="${FONT}" font-weight="700" fill="#d4232b" opacity="0.16" text-anchor="middle">
  <text x="${w / 2}" y="${h / 2}" font-size="${Math.round(w / 7)}" transform="rotate(-24 ${w / 2} ${h / 2})">样本 SAMPLE</text>
  <text x="${w / 2}" y="${h / 2 + w / 9}" font-size="${Math.round(w / 26)}" transform="rotate(-24 ${w / 2} ${h / 2})">仅供系统演示 · 不具法律效力 · NOT A REAL DOCUMENT</text>
</g>`;
}

function fields(x: number, y: number, rows: Array<[string, string]>, gap = 38, labelWidth = 116): string {
  return rows
    .map(([k, v], i) => {
      const spaced = k.length === 2 ? `${k[0]}\u3000\u3000${k[1]}` : k;
      return `<text x="${x}" y="${y + i * gap}" font-family="${SERIF}" font-size="17" fill="#222">` +
        `<tspan font-weight="700">${esc(spaced)}</tspan><tspan x="${x + labelWidth}">${esc(v)}</tspan></text>`;
    })
    .join('\n');
}

interface Company {
  name: string;
  code: string;
  kind: string;
  person: string;
  capital: string;
  founded: string;
  address: string;
  scope: string[];
}

const COMPANIES: Company[] = [
  {
    name: '示例市安途二手车销售有限公司',
    code: '91000000000000001X',
    kind: '有限责任公司（自然人投资或控股）',
    person: '张示例',
    capital: '伍佰万元整',
    founded: '2019年03月15日',
    address: '示例省示例市示例区车市路1号',
    scope: ['二手车经销；二手车经纪；汽车零配件零售；', '机动车修理和维护（依法须经批准的项目，', '经相关部门批准后方可开展经营活动）'],
  },
  {
    name: '示例市顺行汽车租赁有限公司',
    code: '910000000000000028',
    kind: '有限责任公司（自然人独资）',
    person: '李样本',
    capital: '贰佰万元整',
    founded: '2020年08月01日',
    address: '示例省示例市示例区租车大道88号',
    scope: ['小微型客车租赁经营服务；汽车租赁；', '二手车经纪；停车场服务（依法须经批准的', '项目，经相关部门批准后方可开展经营活动）'],
  },
  {
    name: '示例市好车汇汽车服务有限公司',
    code: '910000000000000036',
    kind: '有限责任公司',
    person: '王演示',
    capital: '壹仟万元整',
    founded: '2018年11月20日',
    address: '示例省示例市示例新区汽车城B区12栋',
    scope: ['二手车经销；二手车鉴定评估；汽车租赁；', '汽车装饰用品销售；信息咨询服务（不含许可类', '信息咨询服务）'],
  },
];

function licence(c: Company, n: number): string {
  const W = 900;
  const H = 640;
  return svg(W, H, `营业执照（样本）— ${c.name}`, `
<rect width="${W}" height="${H}" fill="#fbf7ee"/>
<rect x="18" y="18" width="${W - 36}" height="${H - 36}" fill="none" stroke="#b8892b" stroke-width="6"/>
<rect x="30" y="30" width="${W - 60}" height="${H - 60}" fill="none" stroke="#b8892b" stroke-width="1.5" stroke-dasharray="10 4"/>
<circle cx="${W / 2}" cy="78" r="26" fill="none" stroke="#b8892b" stroke-width="2"/>
<text x="${W / 2}" y="84" font-family="${FONT}" font-size="13" fill="#b8892b" text-anchor="middle">徽记位</text>
<text x="${W / 2}" y="150" font-family="${SERIF}" font-size="54" font-weight="700" fill="#1f1f1f" text-anchor="middle" letter-spacing="18">营业执照</text>
<text x="${W / 2}" y="182" font-family="${SERIF}" font-size="18" fill="#333" text-anchor="middle">（副\u3000本）</text>
<text x="64" y="118" font-family="${SERIF}" font-size="15" fill="#333">统一社会信用代码</text>
<text x="64" y="142" font-family="${FONT}" font-size="17" font-weight="700" fill="#111" letter-spacing="1">${c.code}</text>
<text x="64" y="164" font-family="${FONT}" font-size="12" fill="#8a6d2b">（占位代码，样本）</text>
<text x="${W - 64}" y="118" font-family="${SERIF}" font-size="15" fill="#333" text-anchor="end">编号 样${String(n).padStart(6, '0')}</text>
${fields(80, 236, [
    ['名称', c.name],
    ['类型', c.kind],
    ['法定代表人', `${c.person}（样本）`],
    ['经营范围', c.scope[0]],
  ])}
<text x="196" y="388" font-family="${SERIF}" font-size="17" fill="#222">${esc(c.scope[1])}</text>
<text x="196" y="414" font-family="${SERIF}" font-size="17" fill="#222">${esc(c.scope[2])}</text>
${fields(80, 456, [
    ['注册资本', c.capital],
    ['成立日期', c.founded],
    ['营业期限', `${c.founded} 至 长期`],
    ['住所', c.address],
  ], 34)}
${qr(W - 190, 220, 120, 1000 + n)}
<text x="${W - 130}" y="360" font-family="${FONT}" font-size="11" fill="#555" text-anchor="middle">扫码查询（示例，无效）</text>
<text x="${W - 150}" y="${H - 92}" font-family="${SERIF}" font-size="17" fill="#222" text-anchor="middle">登记机关</text>
${seal(W - 150, H - 132, 68, '示例市市场监督管理局', `seal-l${n}`)}
<text x="${W - 150}" y="${H - 48}" font-family="${SERIF}" font-size="15" fill="#222" text-anchor="middle">2024年01月02日</text>
<text x="64" y="${H - 48}" font-family="${FONT}" font-size="12" fill="#8a6d2b">国家企业信用信息公示系统网址：（示例）\u3000市场主体应当于每年1月1日至6月30日报送年度报告</text>
${watermark(W, H)}
`);
}

function permit(c: Company, n: number): string {
  const W = 900;
  const H = 600;
  return svg(W, H, `道路运输经营许可证（样本）— ${c.name}`, `
<rect width="${W}" height="${H}" fill="#f3f7fb"/>
<rect x="18" y="18" width="${W - 36}" height="${H - 36}" fill="none" stroke="#2b5fa8" stroke-width="5"/>
<rect x="30" y="30" width="${W - 60}" height="${H - 60}" fill="none" stroke="#2b5fa8" stroke-width="1.2"/>
<text x="${W / 2}" y="92" font-family="${SERIF}" font-size="24" fill="#1f2d45" text-anchor="middle" letter-spacing="6">中华人民共和国（样本）</text>
<text x="${W / 2}" y="146" font-family="${SERIF}" font-size="42" font-weight="700" fill="#1f2d45" text-anchor="middle" letter-spacing="8">道路运输经营许可证</text>
<text x="${W / 2}" y="184" font-family="${SERIF}" font-size="18" fill="#333" text-anchor="middle">示交运管许可示字 ${String(n).padStart(12, '0')} 号（样本）</text>
${fields(90, 240, [
    ['业户名称', c.name],
    ['地址', c.address],
    ['经济类型', '有限责任公司'],
    ['经营范围', '汽车租赁；道路旅客运输站经营（样本）'],
    ['有效期', '2024年01月01日 至 2027年12月31日'],
  ], 44, 124)}
${seal(W - 170, H - 136, 70, '示例市交通运输局', `seal-p${n}`, '（样本）')}
<text x="${W - 170}" y="${H - 46}" font-family="${SERIF}" font-size="15" fill="#222" text-anchor="middle">发证日期 2024年01月01日</text>
<text x="64" y="${H - 46}" font-family="${FONT}" font-size="12" fill="#2b5fa8">本证仅用于系统演示，证号与单位均为虚构</text>
${watermark(W, H)}
`);
}

// ---- complaint evidence ----------------------------------------------------------------

function evidenceChat(): string {
  const W = 420;
  const H = 760;
  const bubble = (y: number, mine: boolean, lines: string[]) => {
    const h = 22 + lines.length * 22;
    const w = 250;
    const x = mine ? W - 40 - w : 72;
    const avatar = mine
      ? `<rect x="${W - 34}" y="${y}" width="26" height="26" rx="4" fill="#7aa7d9"/>`
      : `<rect x="38" y="${y}" width="26" height="26" rx="4" fill="#e0a458"/>`;
    return `${avatar}<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="8" fill="${mine ? '#95ec69' : '#ffffff'}"/>` +
      lines.map((l, i) => `<text x="${x + 12}" y="${y + 26 + i * 22}" font-family="${FONT}" font-size="15" fill="#1a1a1a">${esc(l)}</text>`).join('');
  };
  return svg(W, H, '投诉证据：聊天记录截图（示例）', `
<rect width="${W}" height="${H}" rx="36" fill="#1b1d22"/>
<rect x="14" y="14" width="${W - 28}" height="${H - 28}" rx="26" fill="#ededed"/>
<rect x="14" y="14" width="${W - 28}" height="78" rx="26" fill="#f7f7f7"/>
<text x="${W / 2}" y="40" font-family="${FONT}" font-size="13" fill="#333" text-anchor="middle">14:32</text>
<text x="${W / 2}" y="74" font-family="${FONT}" font-size="17" font-weight="700" fill="#111" text-anchor="middle">安途二手车-小陈（示例）</text>
<text x="${W / 2}" y="118" font-family="${FONT}" font-size="12" fill="#999" text-anchor="middle">昨天 10:05</text>
${bubble(134, true, ['您好，这台车页面写的是', '无事故、无泡水，对吗？'])}
${bubble(220, false, ['对的亲，我们车源都经过检测，', '保证无重大事故无泡水，', '放心来看车。'])}
${bubble(328, true, ['那我今天下午过去看，', '定金先付500可以吗？'])}
<text x="${W / 2}" y="440" font-family="${FONT}" font-size="12" fill="#999" text-anchor="middle">今天 14:20</text>
${bubble(456, true, ['检测报告显示右前纵梁有', '修复痕迹，和您说的不一样，', '定金请退给我。'])}
${bubble(564, false, ['定金不退的，这个是', '小剐蹭不算事故。'])}
<rect x="14" y="${H - 92}" width="${W - 28}" height="78" fill="#f7f7f7"/>
<rect x="40" y="${H - 76}" width="${W - 80}" height="36" rx="6" fill="#ffffff"/>
<g font-family="${FONT}" font-weight="700" fill="#d4232b" opacity="0.2" text-anchor="middle" transform="rotate(-30 ${W / 2} ${H / 2})">
  <text x="${W / 2}" y="${H / 2}" font-size="64">示例 SAMPLE</text>
</g>
`);
}

function evidenceScratch(): string {
  const type = BODIES[0];
  const base = car(type, 'silver', 9);
  const marks = `
<g stroke="#3b3b3b" stroke-width="2.2" stroke-linecap="round" opacity="0.85">
  <path d="M448,230 L512,262"/><path d="M456,226 L520,256"/><path d="M462,240 L506,264"/><path d="M470,228 L530,250"/>
</g>
<path d="M520,244 q10,-8 22,-2 q8,6 2,16 q-10,6 -20,-2 z" fill="#4a4a4a" opacity="0.5"/>
<circle cx="490" cy="246" r="56" fill="none" stroke="#e02424" stroke-width="5"/>
<path d="M540,200 L600,130" stroke="#e02424" stroke-width="4"/>
<rect x="480" y="86" width="148" height="48" rx="6" fill="#e02424"/>
<text x="554" y="117" font-family="${FONT}" font-size="20" font-weight="700" fill="#fff" text-anchor="middle">右前翼子板划痕</text>
<text x="20" y="62" font-family="${FONT}" font-size="14" fill="#475569">拍摄于交车现场 2026-10-18 15:06（示例）</text>`;
  return base
    .replace(/<title>[^<]*<\/title>/, `<title>${esc('投诉证据：交车时发现的车身划痕（示例）')}</title>`)
    .replace('</svg>', `${marks}\n</svg>`);
}

function evidenceReceipt(): string {
  const W = 560;
  const H = 420;
  return svg(W, H, '投诉证据：定金收据（示例）', `
<rect width="${W}" height="${H}" fill="#e9e4da"/>
<g transform="rotate(-3 ${W / 2} ${H / 2})">
<rect x="40" y="40" width="${W - 80}" height="${H - 80}" fill="#fffdf6" stroke="#c9bfa8"/>
<text x="${W / 2}" y="92" font-family="${SERIF}" font-size="30" font-weight="700" fill="#b02a2a" text-anchor="middle" letter-spacing="10">收\u3000据</text>
<text x="${W - 70}" y="80" font-family="${FONT}" font-size="13" fill="#b02a2a" text-anchor="end">No. 样0001234</text>
<line x1="70" y1="106" x2="${W - 70}" y2="106" stroke="#b02a2a"/>
${fields(76, 146, [
    ['今收到', '刘示例（买家，样本）'],
    ['交来', '车辆定金（车架号 LSAMPLE0000000001）'],
    ['人民币', '伍佰元整\u3000¥500.00'],
    ['收款单位', COMPANIES[0].name],
  ], 40, 92)}
<text x="76" y="${H - 86}" font-family="${SERIF}" font-size="15" fill="#222">收款人：小陈（样本）\u3000\u30002026年10月17日</text>
${seal(W - 130, H - 118, 56, '安途二手车', 'seal-r1', '财务专用章')}
</g>
${watermark(W, H)}
`);
}

// ---- transfer receipt (PDF) ------------------------------------------------------------

/**
 * A one-page PDF bank transfer receipt marked SAMPLE (payment-proofs takes no SVG: a proof is
 * opened in the browser, and SVG can carry scripts). ASCII text in a base font, so no font
 * is embedded; the byte offsets of the cross-reference table are computed.
 */
function transferReceiptPdf(lines: string[]): string {
  const text = lines.map((l, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 26} Td (${l.replace(/[()\\]/g, '')}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}

const RECEIPT = [
  'SAMPLE - Bank transfer receipt (not a real document)',
  'Bank: Industrial and Commercial Bank of China',
  'Payer: Beijing Shunda Used Car Brokerage Co., Ltd.',
  'Payee: Platform operator, fee collection account',
  'Amount: CNY 8,800.00',
  'Purpose: Platform fee, yearly plan',
  'Serial: SAMPLE-0000000001',
];

// ---- output ----------------------------------------------------------------------------

export function seedImages(): Array<{ bucket: string; name: string; content: string }> {
  const out: Array<{ bucket: string; name: string; content: string }> = [];
  CAR_SET.forEach(([type, colour], i) => {
    const body = BODIES.find((b) => b.key === type)!;
    out.push({ bucket: 'listing-photos', name: `cars/${type}-${colour}.svg`, content: car(body, colour, i + 1) });
  });
  COMPANIES.forEach((c, i) => {
    out.push({ bucket: 'merchant-documents', name: `samples/licence-${i + 1}.svg`, content: licence(c, i + 1) });
  });
  out.push({ bucket: 'merchant-documents', name: 'samples/transport-permit-1.svg', content: permit(COMPANIES[1], 1) });
  out.push({ bucket: 'merchant-documents', name: 'samples/transport-permit-2.svg', content: permit(COMPANIES[2], 2) });
  out.push({ bucket: 'complaint-attachments', name: 'samples/evidence-chat-1.svg', content: evidenceChat() });
  out.push({ bucket: 'complaint-attachments', name: 'samples/evidence-scratch-1.svg', content: evidenceScratch() });
  out.push({ bucket: 'complaint-attachments', name: 'samples/evidence-receipt-1.svg', content: evidenceReceipt() });
  out.push({ bucket: 'payment-proofs', name: 'samples/transfer-receipt-1.pdf', content: transferReceiptPdf(RECEIPT) });
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await fs.rm(OUT, { recursive: true, force: true });
  for (const img of seedImages()) {
    const file = path.join(OUT, img.bucket, img.name);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, img.content);
    console.log(`${path.relative(ROOT, file)}  ${(Buffer.byteLength(img.content) / 1024).toFixed(1)} KB`);
  }
}
