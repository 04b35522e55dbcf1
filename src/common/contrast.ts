// WCAG contrast between two colours (#rgb, #rrggbb, rgb(), rgba() over a background), so
// signal colours can be checked to stay readable (≥ 4.5 for text) in both themes.

type Rgba = [number, number, number, number];

function parse(color: string): Rgba {
  const c = color.trim();
  let m = c.match(/^#([0-9a-f]{3})$/i);
  if (m) return [...m[1].split('').map((h) => parseInt(h + h, 16)), 1] as Rgba;
  m = c.match(/^#([0-9a-f]{6})$/i);
  if (m) return [parseInt(m[1].slice(0, 2), 16), parseInt(m[1].slice(2, 4), 16), parseInt(m[1].slice(4, 6), 16), 1];
  m = c.match(/^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/i);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
  throw new Error(`not a colour: ${color}`);
}

/** `color` painted over the opaque `base` ("#rrggbb" result). */
export function over(color: string, base: string): string {
  const [r, g, b, a] = parse(color);
  const [br, bg, bb] = parse(base);
  const mix = (x: number, y: number) => Math.round(x * a + y * (1 - a));
  return `#${[mix(r, br), mix(g, bg), mix(b, bb)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

function luminance(color: string): number {
  const [r, g, b] = parse(color).map((v, i) => (i < 3 ? v / 255 : v));
  const lin = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The contrast ratio of text `fg` on `bg` (both may be translucent over `base`). */
export function contrastRatio(fg: string, bg: string, base = '#ffffff'): number {
  const back = over(bg, base);
  const front = over(fg, back);
  const [l1, l2] = [luminance(front), luminance(back)].sort((a, b) => b - a);
  return (l1 + 0.05) / (l2 + 0.05);
}
