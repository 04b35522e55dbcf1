import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { mergeTranslations, type TranslationMessages } from 'react-admin';
import { raSupabaseEnglishMessages } from 'ra-supabase';
import { raChineseMessages, raSupabaseChineseMessages } from './raChinese';
import { zhApp } from './zh';
import { enApp } from './en';
import * as rankingMessages from '../ranking/messages';
import * as analyticsMessages from '../analytics/messages';
import * as dashboardMessages from '../dashboard/messages';
import * as exportMessages from '../common/export/messages';
import * as complaintsMessages from '../complaints/messages';
import * as membersMessages from '../members/messages';
import * as reservationsMessages from '../reservations/messages';
import * as tradesMessages from '../trades/messages';
import * as distributionMessages from '../distribution/messages';
import * as paymentsMessages from '../payments/messages';
import * as reconciliationMessages from '../reconciliation/messages';
import * as commissionsMessages from '../commissions/messages';
import * as settlementsMessages from '../settlements/messages';
import * as withdrawalsMessages from '../withdrawals/messages';
import * as accountsMessages from '../accounts/messages';
import * as merchantApplicationsMessages from '../merchant-applications/messages';
import * as merchantsMessages from '../merchants/messages';
import * as listingsMessages from '../listings/messages';
import * as catalogueMessages from '../catalogue/messages';
import * as promotionsMessages from '../promotions/messages';
import * as securityMessages from '../security/messages';

export const DEFAULT_LOCALE = 'zh-CN';

// Each feature's messages.ts exports `zh` and `en` with identical keys; one line each here.
const FEATURE_MESSAGES: { zh: object; en: object }[] = [
  rankingMessages,
  analyticsMessages,
  dashboardMessages,
  exportMessages,
  complaintsMessages,
  membersMessages,
  reservationsMessages,
  tradesMessages,
  distributionMessages,
  merchantApplicationsMessages,
  merchantsMessages,
  listingsMessages,
  catalogueMessages,
  promotionsMessages,
  paymentsMessages,
  reconciliationMessages,
  commissionsMessages,
  settlementsMessages,
  withdrawalsMessages,
  accountsMessages,
  securityMessages,
];

export const messages: Record<string, TranslationMessages> = {
  'zh-CN': mergeTranslations(raChineseMessages, raSupabaseChineseMessages, zhApp, ...FEATURE_MESSAGES.map((f) => f.zh)),
  en: mergeTranslations(englishMessages, raSupabaseEnglishMessages, enApp, ...FEATURE_MESSAGES.map((f) => f.en)),
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
