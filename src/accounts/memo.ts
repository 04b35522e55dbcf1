// A ledger journal's memo and reference in words. The database writes memos in a fixed
// machine form (`settlement 2026-11-23..2026-11-23`, `payout W0000000006`, `trade refunded`);
// each form is matched here and worded with its parts (dates, numbers, states). A memo that
// is a person's own text (a refund or a returned payout's reason) is shown as written.
// tests/unit/codes-in-words.test.ts builds every memo form the SQL can write and checks it is
// worded.

type Translate = (key: string, opts?: object) => string;

interface MemoForm {
  re: RegExp;
  key: string;
  args?: (m: RegExpMatchArray, t: Translate) => Record<string, string>;
}

const MEMO_FORMS: MemoForm[] = [
  { re: /^settlement (\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/, key: 'settlement', args: (m) => ({ from: m[1], to: m[2] }) },
  { re: /^commission released$/, key: 'commission_released' },
  { re: /^trade closed$/, key: 'trade_closed' },
  {
    re: /^trade (\w+) \(recorded closed and reversed\)$/,
    key: 'trade_recorded_reversed',
    args: (m, t) => ({ status: t(`resources.trades.status.${m[1]}`, { _: m[1] }) }),
  },
  { re: /^trade (\w+)$/, key: 'trade_reversed', args: (m, t) => ({ status: t(`resources.trades.status.${m[1]}`, { _: m[1] }) }) },
  {
    re: /^(platform_fee|deposit|promotion_rights|reservation_rights) (\S+)$/,
    key: 'payment',
    args: (m, t) => ({ kind: t(`payments.kind.${m[1]}`, { _: m[1] }), no: m[2] }),
  },
  { re: /^withdrawal (cancelled|rejected)$/, key: 'withdrawal_unlocked', args: (m, t) => ({ why: t(`accounts.memo.unlock_${m[1]}`) }) },
  { re: /^withdrawal (\S+)$/, key: 'withdrawal_applied', args: (m) => ({ no: m[1] }) },
  { re: /^payout (\S+)$/, key: 'payout_started', args: (m) => ({ no: m[1] }) },
  { re: /^manual payout (.+)$/, key: 'paid_manually', args: (m) => ({ ref: m[1] }) },
  { re: /^paid (\S+)$/, key: 'paid', args: (m) => ({ ref: m[1] }) },
];

/** The memo in words, or as written when it is a person's text. */
export function memoText(memo: string | null | undefined, translate: Translate): string {
  if (!memo) return '';
  for (const form of MEMO_FORMS) {
    const m = memo.match(form.re);
    if (m) return translate(`accounts.memo.${form.key}`, form.args?.(m, translate) ?? {});
  }
  return memo;
}

/** True when the memo is one of the database's machine forms. */
export const isMachineMemo = (memo: string) => MEMO_FORMS.some((f) => f.re.test(memo));

/** What a journal refers to, in words: `结算批次 #34`, `提现 2b9c…`. */
export function refText(refType: string | null | undefined, refId: string | null | undefined, translate: Translate): string {
  if (!refType) return '';
  const entity = translate(`audit.entities.${refType}`, { _: refType });
  if (!refId) return entity;
  const id = /^\d+$/.test(refId) ? `#${refId}` : refId.length > 12 ? `${refId.slice(0, 8)}…` : refId;
  return `${entity} ${id}`;
}

/** The screen of a journal's reference, when it has one. */
export function refPath(refType: string | null | undefined, refId: string | null | undefined): string | null {
  if (!refType || !refId) return null;
  const resource = { settlement_run: 'settlements', trade: 'trades', payment: 'payments', withdrawal: 'withdrawals' }[refType];
  return resource ? `/${resource}/${encodeURIComponent(refId)}/show` : null;
}
