// Sample channel statements made from the demo data's own payments, so that importing one
// (渠道账单 → 导入对账单) shows every reconciliation result: for each channel, a statement of
// a recent Beijing month no imported statement covers, in that channel's own format (WeChat
// trade bill, Alipay business detail, bank statement) with every payment of the month on it,
// except that one line's amount differs by ¥1.00 (amount mismatch), one payment is left off
// (missing) and one line the platform never saw is added (extra). Written to <data dir>/statements/ when the
// stack seeds a database (and when the folder is missing); `npm run statements` writes them
// again. The formats are the ones src/reconciliation/csv.ts reads (README: Finance).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { StackConfig } from './config.ts';

type Channel = 'wechat' | 'alipay' | 'bank_transfer';

export interface SamplePayment {
  channel_txn_id: string;
  payment_no: string;
  kind: string;
  amount_fen: number;
  payer_name: string;
  /** Beijing time, "YYYY-MM-DD HH:MM:SS" */
  paid_at: string;
}

export interface SampleStatement {
  channel: Channel;
  file: string;
  month: string;
  lines: number;
  mismatch: string;
  missing: string;
  extra: string;
}

const KIND_WORDS: Record<string, string> = {
  platform_fee: '入驻费',
  deposit: '保证金',
  promotion_rights: '推广权限',
  reservation_rights: '预约权限',
};

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The payments of one channel in one Beijing month, oldest first. */
async function monthPayments(client: pg.Client, channel: Channel, month: string): Promise<SamplePayment[]> {
  const { rows } = await client.query<SamplePayment & { amount_fen: string }>(
    `select p.channel_txn_id, p.payment_no, p.kind::text as kind, p.amount_fen,
            coalesce(m.name, b.nickname, '') as payer_name,
            to_char(p.paid_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') as paid_at
       from public.payments p
       left join public.merchants m on m.id = p.merchant_id
       left join public.members b on b.id = p.member_id
      where p.channel = $1 and p.status in ('succeeded', 'refunded') and p.channel_txn_id is not null
        and to_char(p.paid_at at time zone 'Asia/Shanghai', 'YYYY-MM') = $2
      order by p.paid_at, p.id`,
    [channel, month],
  );
  return rows.map((r) => ({ ...r, amount_fen: Number(r.amount_fen) }));
}

/**
 * The statement's lines: every payment, the second one's amount ¥1.00 higher, one from the
 * middle left off (inside the statement's period, so it counts as missing), and one line no
 * payment has (an id in the channel's own style, on the month's 15th).
 */
export function sampleLines(payments: SamplePayment[], channel: Channel, month: string) {
  if (payments.length < 4) return null;
  const mismatch = payments[1];
  const missing = payments[Math.floor(payments.length / 2)];
  const prefix = { wechat: 'WE', alipay: 'AL', bank_transfer: 'BA' }[channel];
  const extra: SamplePayment = {
    channel_txn_id: `${prefix}${month.replace('-', '')}EXTRA0000000001`,
    payment_no: 'P-UNKNOWN-0001',
    kind: 'deposit',
    amount_fen: 88_800,
    payer_name: '未知付款方',
    paid_at: `${month}-15 12:00:00`,
  };
  const lines = payments
    .filter((p) => p !== missing)
    .map((p) => (p === mismatch ? { ...p, amount_fen: p.amount_fen + 100 } : p))
    .concat(extra)
    .sort((a, b) => a.paid_at.localeCompare(b.paid_at));
  return { month, lines, mismatch: mismatch.channel_txn_id, missing: missing.channel_txn_id, extra: extra.channel_txn_id };
}

function wechatCsv(lines: SamplePayment[]): string {
  const tick = (v: string) => `\`${v}`;
  const rows = lines.map((p) =>
    [p.paid_at, 'wx8f3c2a1b0d9e7f60', '1900000109', p.channel_txn_id, p.payment_no, 'SUCCESS', yuan(p.amount_fen)].map(tick).join(','),
  );
  const total = lines.reduce((s, p) => s + p.amount_fen, 0);
  return [
    '交易时间,公众账号ID,商户号,微信支付订单号,商户订单号,交易状态,订单金额(元)',
    ...rows,
    '总交易单数,总交易额,总退款金额',
    [String(lines.length), yuan(total), '0.00'].map(tick).join(','),
    '',
  ].join('\n');
}

function alipayCsv(lines: SamplePayment[], month: string): string {
  const total = lines.reduce((s, p) => s + p.amount_fen, 0);
  return [
    '#支付宝业务明细查询',
    '#账号：[20881234567890120156]',
    `#起始日期：[${month}-01 00:00:00]`,
    '#-----------------------------------------业务明细列表----------------------------------------',
    '支付宝交易号,商户订单号,业务类型,商品名称,完成时间,订单金额（元）,商家实收（元）',
    ...lines.map((p) => [p.channel_txn_id, p.payment_no, '交易', KIND_WORDS[p.kind] ?? p.kind, p.paid_at, yuan(p.amount_fen), yuan(p.amount_fen)].join(',')),
    '#-----------------------------------------业务明细列表结束------------------------------------',
    `#交易合计：${lines.length}笔，商家实收共${yuan(total)}元`,
    '',
  ].join('\n');
}

function bankCsv(lines: SamplePayment[]): string {
  return [
    '交易日期,交易时间,流水号,收入金额,支出金额,对方户名,摘要',
    ...lines.map((p) => {
      const [date, time] = p.paid_at.split(' ');
      return [date.replaceAll('-', ''), time.replaceAll(':', ''), p.channel_txn_id, yuan(p.amount_fen), '', p.payer_name.replaceAll(',', ' '), KIND_WORDS[p.kind] ?? p.kind].join(',');
    }),
    '',
  ].join('\n');
}

/** The last complete Beijing month before `now` ("YYYY-MM"). */
export function lastMonth(now = new Date()): string {
  const beijing = new Date(now.getTime() + 8 * 3600_000);
  const d = new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

/** True when a statement of the channel already imported covers part of the month. */
async function monthTaken(client: pg.Client, channel: Channel, month: string): Promise<boolean> {
  const { rows } = await client.query(
    `select 1 from public.channel_statements s
      where s.channel = $1 and daterange(s.period_from, s.period_to, '[]') && daterange(($2 || '-01')::date, (($2 || '-01')::date + interval '1 month')::date)
      limit 1`,
    [channel, month],
  );
  return rows.length > 0;
}

const monthBefore = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
};

/**
 * Writes the three samples into `dir`; returns what each holds. Each channel's is of the
 * latest complete month (from `month` back, a year at most) with four payments or more that no
 * imported statement of that channel covers yet (the demo seed imports last month's WeChat
 * statement itself), so importing it shows its differences and nothing else.
 */
export async function writeStatementSamples(client: pg.Client, dir: string, from = lastMonth()): Promise<SampleStatement[]> {
  await mkdir(dir, { recursive: true });
  const out: SampleStatement[] = [];
  for (const channel of ['wechat', 'alipay', 'bank_transfer'] as const) {
    let month = from;
    let sample: ReturnType<typeof sampleLines> = null;
    for (let i = 0; i < 12 && !sample; i++, month = monthBefore(month)) {
      if (!(await monthTaken(client, channel, month))) sample = sampleLines(await monthPayments(client, channel, month), channel, month);
    }
    if (!sample) continue;
    month = sample.month;
    const compact = month.replace('-', '');
    const name = { wechat: `wechat-${compact}.csv`, alipay: `alipay-${compact}.csv`, bank_transfer: `bank-${compact}.csv` }[channel];
    const text = channel === 'wechat' ? wechatCsv(sample.lines) : channel === 'alipay' ? alipayCsv(sample.lines, month) : bankCsv(sample.lines);
    await writeFile(path.join(dir, name), text, 'utf8');
    out.push({ channel, file: path.join(dir, name), month, lines: sample.lines.length, mismatch: sample.mismatch, missing: sample.missing, extra: sample.extra });
  }
  return out;
}

export const statementsDir = (cfg: StackConfig) => path.join(cfg.dataDir, 'statements');

/** The stack's samples, from its database. */
export async function writeStackStatementSamples(cfg: StackConfig): Promise<SampleStatement[]> {
  const client = new pg.Client({ connectionString: cfg.dbUrl });
  await client.connect();
  try {
    return await writeStatementSamples(client, statementsDir(cfg));
  } finally {
    await client.end();
  }
}
