import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { mergeTranslations, type TranslationMessages } from 'react-admin';
import { raSupabaseEnglishMessages } from 'ra-supabase';
import { raChineseMessages, raSupabaseChineseMessages } from './raChinese';
import { zhApp } from './zh';
import { enApp } from './en';

export const DEFAULT_LOCALE = 'zh-CN';

export const messages: Record<string, TranslationMessages> = {
  'zh-CN': mergeTranslations(raChineseMessages, raSupabaseChineseMessages, zhApp),
  en: mergeTranslations(englishMessages, raSupabaseEnglishMessages, enApp),
};

// zh-CN unless the user picked English (react-admin keeps the choice in its store).
export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[locale] ?? messages[DEFAULT_LOCALE],
  DEFAULT_LOCALE,
  [
    { locale: 'zh-CN', name: '简体中文' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);
