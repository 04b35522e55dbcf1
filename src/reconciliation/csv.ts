// Channel statements (对账单) as the channels export them, turned into the rows
// channel_statement_import takes. Three formats (columns documented in README, samples in
// tests/fixtures/statements/):
//   WeChat Pay trade bill (微信支付交易账单): 交易时间, 微信支付订单号, 商户订单号, 交易状态, 订单金额(元)
//     — values may carry WeChat's leading backtick; the summary block after the rows is ignored;
//       only SUCCESS rows are payments.
//   Alipay business detail (支付宝业务明细): 支付宝交易号, 商户订单号, 业务类型, 完成时间, 订单金额（元）
//     — "#" comment lines above and below are ignored; only 业务类型 = 交易 rows are payments.
//   Bank statement (银行流水): 交易日期, 交易时间, 流水号, 收入金额, 支出金额, 对方户名, 摘要
//     — only credits (收入金额 > 0) are payments.
// Times are Beijing time. Amounts are yuan with at most two decimals, turned into integer fen.
import Papa from 'papaparse';
import { parseYuan } from '../common/money';
import type { PaymentChannel } from '../common/paymentChannels';

export type Channel = PaymentChannel;

// a type, not an interface: it is sent as json (interfaces have no index signature)
export type StatementRow = {
  statement_id: string;
  channel: Channel;
  channel_txn_id: string;
  amount_fen: number;
  occurred_at: string;
};

export interface ParseProblem {
  line: number;
  message: string;
}

export interface ParsedStatement {
  channel: Channel | null;
  rows: StatementRow[];
  problems: ParseProblem[];
  skipped: number;
}

const TXN = /^[A-Za-z0-9_-]{4,64}$/;

interface Format {
  channel: Channel;
  /** the header must contain all of these */
  signature: string[];
  txn: string[];
  amount: string[];
  time: string[];
  date?: string[];
  /** false: not a payment row (skipped, not an error) */
  include?: (get: (names: string[]) => string) => boolean;
  /** a row that ends the detail block */
  stop?: (first: string) => boolean;
}

const FORMATS: Format[] = [
  {
    channel: 'wechat',
    signature: ['微信支付订单号', '交易时间'],
    txn: ['微信支付订单号', '微信订单号'],
    amount: ['订单金额(元)', '订单金额（元）', '应结订单金额'],
    time: ['交易时间'],
    include: (get) => {
      const status = get(['交易状态']).toUpperCase();
      return status === '' || status === 'SUCCESS' || status === '支付成功';
    },
    stop: (first) => first.startsWith('总交易单数') || first.startsWith('总'),
  },
  {
    channel: 'alipay',
    signature: ['支付宝交易号'],
    txn: ['支付宝交易号'],
    amount: ['订单金额（元）', '订单金额(元)', '订单金额'],
    time: ['完成时间', '付款时间', '创建时间'],
    include: (get) => {
      const kind = get(['业务类型']);
      return kind === '' || kind === '交易';
    },
  },
  {
    channel: 'bank_transfer',
    signature: ['流水号', '收入金额'],
    txn: ['流水号', '交易流水号'],
    amount: ['收入金额', '贷方金额'],
    time: ['交易时间'],
    date: ['交易日期'],
    include: (get) => {
      const fen = parseYuan(get(['收入金额', '贷方金额']) || '0');
      return fen !== null && fen > 0;
    },
  },
];

const clean = (v: unknown) =>
  String(v ?? '')
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^`/, '')
    .trim();

/** "2026-11-20 10:03:05", "2026/11/20 10:03", or date "20261120" + time "100305" → ISO at +08:00. */
export function beijingTime(dateOrDateTime: string, time?: string): string | null {
  let text = dateOrDateTime.trim();
  if (time !== undefined && time.trim() !== '') text = `${text} ${time.trim()}`;
  let m = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})(?:[ T](\d{1,2}):?(\d{2})(?::?(\d{2}))?)?$/.exec(text);
  if (!m && /^\d{8} \d{6}$/.test(text)) m = /^(\d{4})(\d{2})(\d{2}) (\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const pad = (v: string) => v.padStart(2, '0');
  const iso = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}+08:00`;
  const check = new Date(iso);
  if (Number.isNaN(check.getTime())) return null;
  // reject 2026-02-30 and friends (Date rolls them over)
  const back = new Date(check.getTime() + 8 * 3600_000).toISOString();
  if (back.slice(0, 10) !== `${y}-${pad(mo)}-${pad(d)}`) return null;
  return iso;
}

export function detectChannel(header: string[]): Channel | null {
  const set = new Set(header.map(clean));
  return FORMATS.find((f) => f.signature.every((c) => set.has(c)))?.channel ?? null;
}

/**
 * Parses a statement file. `channel` forces a format (else detected from the header row);
 * `statementId` is the reference every row is filed under.
 */
export function parseStatement(text: string, statementId: string, channel?: Channel | null): ParsedStatement {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const lines = result.data.map((r) => r.map(clean));
  const problems: ParseProblem[] = [];
  // the header is the first line that some format recognises
  let headerAt = -1;
  let detected: Channel | null = null;
  for (let i = 0; i < lines.length && i < 50; i++) {
    if (lines[i][0]?.startsWith('#')) continue;
    detected = detectChannel(lines[i]);
    if (detected) {
      headerAt = i;
      break;
    }
  }
  const use = channel ?? detected;
  const format = FORMATS.find((f) => f.channel === use);
  if (!format || headerAt < 0) {
    return { channel: use ?? null, rows: [], problems: [{ line: 1, message: 'unknown_format' }], skipped: 0 };
  }
  const header = lines[headerAt];
  const col = (names: string[]) => names.map((n) => header.indexOf(n)).find((i) => i >= 0) ?? -1;
  const rows: StatementRow[] = [];
  let skipped = 0;
  for (let i = headerAt + 1; i < lines.length; i++) {
    const cells = lines[i];
    const first = cells[0] ?? '';
    if (first.startsWith('#')) continue;
    if (format.stop?.(first)) break;
    const get = (names: string[]) => {
      const at = col(names);
      return at >= 0 ? (cells[at] ?? '') : '';
    };
    if (format.include && !format.include(get)) {
      skipped++;
      continue;
    }
    const line = i + 1;
    const txn = get(format.txn);
    const fen = parseYuan(get(format.amount));
    const at = format.date ? beijingTime(get(format.date), get(format.time)) : beijingTime(get(format.time));
    if (!TXN.test(txn)) problems.push({ line, message: 'bad_txn' });
    else if (fen === null) problems.push({ line, message: 'bad_amount' });
    else if (!at) problems.push({ line, message: 'bad_time' });
    else rows.push({ statement_id: statementId, channel: format.channel, channel_txn_id: txn, amount_fen: fen, occurred_at: at });
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ line: headerAt + 1, message: 'no_rows' });
  return { channel: format.channel, rows, problems, skipped };
}
