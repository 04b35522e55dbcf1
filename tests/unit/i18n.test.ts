import { describe, expect, it } from 'vitest';
import englishMessages from 'ra-language-english';
import { raSupabaseEnglishMessages } from 'ra-supabase';
import { raChineseMessages, raSupabaseChineseMessages } from '../../src/i18n/raChinese';
import { zhApp } from '../../src/i18n/zh';
import { enApp } from '../../src/i18n/en';
import { i18nProvider, messages } from '../../src/i18n/i18nProvider';
import { ERROR_CODES } from '../../src/providers/errors';
import { RESOURCES, STAFF_ROLES } from '../../src/providers/access';
import { MENU_GROUPS } from '../../src/common/feature';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../../src/audit/choices';

/** Every leaf key path ("ra.action.add") of a nested message object. */
function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

/** [key path, value] of every leaf (keys such as "staff.create" contain dots themselves). */
function leaves(obj: object, prefix = ''): [string, unknown][] {
  return Object.entries(obj).flatMap(([k, v]): [string, unknown][] =>
    v && typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v]],
  );
}

describe('i18n completeness', () => {
  it('zh and en app messages have exactly the same keys', () => {
    expect(keys(zhApp).sort()).toEqual(keys(enApp).sort());
  });

  it("the Chinese react-admin messages cover exactly ra-language-english's keys", () => {
    expect(keys(raChineseMessages).sort()).toEqual(keys(englishMessages).sort());
  });

  it("the Chinese ra-supabase messages cover exactly ra-supabase-language-english's keys", () => {
    expect(keys(raSupabaseChineseMessages).sort()).toEqual(keys(raSupabaseEnglishMessages).sort());
  });

  it('the merged catalogues have the same keys in both languages', () => {
    expect(keys(messages['zh-CN']).sort()).toEqual(keys(messages.en).sort());
  });

  it('no message is empty, and Chinese texts keep the placeholders of the English ones', () => {
    const en = new Map(leaves(messages.en));
    for (const [key, value] of leaves(messages['zh-CN'])) {
      expect(typeof value, key).toBe('string');
      if (key === 'ra.boolean.null') continue;
      expect((value as string).trim().length, key).toBeGreaterThan(0);
      const vars = (s: string) => [...new Set(s.match(/%\{\w+\}/g) ?? [])].filter((v) => v !== '%{smart_count}').sort();
      expect(vars(value as string), key).toEqual(vars(en.get(key) as string));
    }
  });

  it('translates every error code, role, resource, menu group, audit action and entity', () => {
    for (const locale of ['zh-CN', 'en']) {
      const flat = new Set(keys(messages[locale]));
      for (const code of ERROR_CODES) expect(flat.has(`errors.${code}`), `${locale} errors.${code}`).toBe(true);
      for (const role of STAFF_ROLES) expect(flat.has(`roles.${role}`), role).toBe(true);
      for (const r of RESOURCES) expect(flat.has(`resources.${r}.name`), r).toBe(true);
      for (const g of MENU_GROUPS) expect(flat.has(`menu.groups.${g}`), g).toBe(true);
      for (const a of AUDIT_ACTIONS) expect(flat.has(`audit.actions.${a}`), a).toBe(true);
      for (const e of AUDIT_ENTITIES) expect(flat.has(`audit.entities.${e}`), e).toBe(true);
    }
  });

  it('speaks Chinese by default and switches to English', async () => {
    expect(i18nProvider.getLocale()).toBe('zh-CN');
    expect(i18nProvider.translate('ra.auth.sign_in')).toBe('登录');
    expect(i18nProvider.translate('errors.invalid_credentials')).toBe('邮箱或密码错误');
    expect(i18nProvider.getLocales?.()).toEqual([
      { locale: 'zh-CN', name: '简体中文' },
      { locale: 'en', name: 'English' },
    ]);
    await i18nProvider.changeLocale('en');
    expect(i18nProvider.translate('ra.auth.sign_in')).toBe('Sign in');
    expect(i18nProvider.translate('errors.invalid_credentials')).toBe('Wrong email or password');
    await i18nProvider.changeLocale('zh-CN');
  });
});
