import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { mergeTranslations, type TranslationMessages } from 'react-admin';
import { raSupabaseEnglishMessages } from 'ra-supabase';
import { raChineseMessages, raSupabaseChineseMessages } from './raChinese';
import { zhApp } from './zh';
import { enApp } from './en';
import * as exportMessages from '../common/export/messages';
import * as commonMessages from '../common/messages';
import { FEATURES } from '../features';

export const DEFAULT_LOCALE = 'zh-CN';

// The shell's messages, then each feature's (its manifest carries `zh` and `en` with identical keys).
const MESSAGES = [exportMessages, commonMessages, ...FEATURES.flatMap((f) => (f.messages ? [f.messages] : []))];

export const messages: Record<string, TranslationMessages> = {
  'zh-CN': mergeTranslations(raChineseMessages, raSupabaseChineseMessages, zhApp, ...MESSAGES.map((m) => m.zh)),
  en: mergeTranslations(englishMessages, raSupabaseEnglishMessages, enApp, ...MESSAGES.map((m) => m.en)),
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
