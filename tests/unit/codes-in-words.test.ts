// Every code the database can write where staff read it has words in both languages: audit
// actions and entities, the fields of an audit row's before/after, reason codes (the ones SQL
// writes and the ones the panel's reason lists offer), ledger journal kinds, references and
// memos. The codes are read from supabase/schemas and the seed (tests/support/sqlCodes.ts), so
// a new `app.audit('x.y', …)`, a new reason literal or a new memo form fails here until it is
// worded.
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/i18nProvider';
import { auditCodes, auditFieldKeys, journalCodes, journalMemos, reasonCodes, scan } from '../support/sqlCodes';
import { ACTION_WORDS, ENTITY_WORDS } from '../../src/audit/actions';
import { ACTION_CHOICES } from '../../src/audit/choices';
import { fieldLabel, valueText } from '../../src/audit/diffText';
import { REASON_WORDS, reasonText } from '../../src/common/reasons';
import { isMachineMemo, memoText, refText } from '../../src/accounts/memo';
import { REJECT_REASONS } from '../../src/merchant-applications/choices';
import { LISTING_DELIST_REASONS, LISTING_REJECT_REASONS } from '../../src/listings/choices';
import { DISMISS_REASONS, REOPEN_REASONS } from '../../src/complaints/choices';
import { BAN_REASONS, UNBAN_REASONS } from '../../src/members/choices';
import { VOID_REASONS } from '../../src/reservations/choices';
import { CANCEL_REASONS } from '../../src/promotions/CancelButton';
import { RESUME_REASONS, SUSPEND_REASONS } from '../../src/merchants/fields';
import { TRADE_REFUND_REASONS } from '../../src/trades/RefundButton';

const LOCALES = ['zh-CN', 'en'] as const;
const s = scan();

/** A translate function over one locale's messages, as react-admin's polyglot answers it. */
function translator(locale: (typeof LOCALES)[number]) {
  // polyglot's view: nested keys joined with dots (an action's own dot included)
  const flat = new Map<string, string>();
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string') flat.set(prefix + k, v);
      else if (v && typeof v === 'object') walk(v as Record<string, unknown>, `${prefix}${k}.`);
    }
  };
  walk(messages[locale] as unknown as Record<string, unknown>, '');
  return (key: string, options: object = {}) => {
    const opts = options as Record<string, unknown>;
    const v = flat.get(key);
    if (typeof v !== 'string') return (opts._ as string | undefined) ?? key;
    return v.replace(/%\{(\w+)\}/g, (_, name: string) => String(opts[name] ?? ''));
  };
}

describe('audit actions and entities', () => {
  const { actions, entities, unresolved } = auditCodes(s);

  it('reads every audit call of the schemas', () => {
    expect(unresolved).toEqual([]);
    expect(actions.size).toBeGreaterThan(100);
    // the ones a new user met first, and the row-change trigger's
    for (const a of ['merchant_application.approve', 'listing.force_off', 'withdrawal.manual_pay', 'settlement.run', 'complaint.escalate', 'reservation.auto_expired', 'car_brands.insert', 'listings.update']) {
      expect(actions).toContain(a);
    }
  });

  it('words exactly the actions and entities the database can write', () => {
    expect(Object.keys(ACTION_WORDS).sort()).toEqual([...actions].sort());
    expect(Object.keys(ENTITY_WORDS).sort()).toEqual([...entities].sort());
  });

  it.each(LOCALES)('%s has words for each, and the filter offers each', (locale) => {
    const t = translator(locale);
    for (const a of actions) {
      const words = t(`audit.actions.${a}`);
      expect(words, a).not.toBe(`audit.actions.${a}`);
      expect(words, a).not.toMatch(/[a-z]+[._][a-z]+/);
    }
    for (const e of entities) expect(t(`audit.entities.${e}`), e).not.toBe(`audit.entities.${e}`);
    expect(ACTION_CHOICES.map((c) => c.id).sort()).toEqual([...actions].sort());
  });

  it.each(LOCALES)('%s labels every field an audit row can hold', (locale) => {
    const t = translator(locale);
    const { keys, unresolved: open } = auditFieldKeys(s);
    expect(open).toEqual([]);
    const unlabelled = [...keys].flatMap(([entity, ks]) => [...ks].filter((k) => fieldLabel(entity, k, t) === k).map((k) => `${entity}.${k}`));
    expect(unlabelled).toEqual([]);
  });

  it('shows values in words: states, money in yuan, Beijing time, yes/no, regions', () => {
    const zh = translator('zh-CN');
    expect(valueText('merchant_application', 'state', 'in_review', zh)).toBe('审核中');
    expect(valueText('withdrawal', 'amount_fen', 123456, zh)).toBe('¥1,234.56');
    expect(valueText('staff', 'created_at', '2026-11-23T16:30:00+00:00', zh)).toBe('2026-11-24 00:30:00');
    expect(valueText('staff', 'active', false, zh)).toBe('否');
    expect(valueText('staff', 'region_codes', ['510100'], zh)).toContain('成都');
    expect(fieldLabel('merchant_application', 'company_name', zh)).toBe('公司名称');
  });
});

describe('reason codes', () => {
  const fromSql = reasonCodes(s);
  const offered = [
    ...REJECT_REASONS, ...LISTING_REJECT_REASONS, ...LISTING_DELIST_REASONS, ...DISMISS_REASONS, ...REOPEN_REASONS,
    ...BAN_REASONS.map((c) => c.id), ...UNBAN_REASONS.map((c) => c.id), ...VOID_REASONS.map((c) => c.id),
    ...CANCEL_REASONS, ...SUSPEND_REASONS, ...RESUME_REASONS, ...TRADE_REFUND_REASONS,
  ];

  it('finds the codes SQL writes itself', () => {
    for (const c of ['merchant_no_response', 'merchant_no_answer', 'need_more_info', 'photos_unclear', 'upheld', 'complaint_upheld']) expect(fromSql).toContain(c);
  });

  it('words every code the database can hold', () => {
    const missing = [...new Set([...fromSql, ...offered])].filter((c) => !(c in REASON_WORDS));
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('%s turns `code: note` into words', (locale) => {
    const t = translator(locale);
    for (const c of Object.keys(REASON_WORDS)) expect(t(`reasons.${c}`), c).not.toBe(`reasons.${c}`);
    const text = reasonText('licence_mismatch: 营业执照照片模糊', t);
    expect(text).not.toContain('licence_mismatch');
    expect(text).toContain('营业执照照片模糊');
    expect(reasonText('other: 收款人与账户信息不符', t)).toBe('收款人与账户信息不符');
    expect(reasonText('会员撤诉', t)).toBe('会员撤诉');
  });
});

describe('ledger journals', () => {
  const { kinds, refTypes, unresolved } = journalCodes(s);

  it.each(LOCALES)('%s words every journal kind and reference', (locale) => {
    expect(unresolved).toEqual([]);
    const t = translator(locale);
    for (const k of kinds) expect(t(`accounts.journal.${k}`), k).not.toBe(`accounts.journal.${k}`);
    for (const r of refTypes) expect(refText(r, '34', t), r).not.toMatch(/[a-z]_[a-z]/);
    expect(refText('settlement_run', '34', t)).not.toContain('settlement_run');
  });

  it.each(LOCALES)('%s words every memo form the database writes', (locale) => {
    const t = translator(locale);
    const memos = journalMemos(s);
    expect(memos.length).toBeGreaterThan(10);
    for (const m of memos) {
      for (const sample of m.samples) {
        // a person's text (a refund's reason) is shown as written
        if (m.free || /[\u3000-\u9fff\uff00-\uffef]/.test(sample)) continue;
        expect(isMachineMemo(sample), `${m.kind}: ${sample}`).toBe(true);
        const words = memoText(sample, t);
        expect(words, sample).not.toMatch(/^(settlement|trade|withdrawal|payout|paid|manual|commission) /);
        expect(words).not.toContain('accounts.memo');
      }
    }
    expect(memoText('settlement 2026-11-23..2026-11-23', t)).toContain('2026-11-23');
  });
});
