// The ranking calls the screens make.
import type { AppDataProvider } from '../providers/dataProvider';
import { objectOf, type RpcClient } from '../providers/rpc';
import { rulePayload, type Breakdown, type RankingRule, type RunSummary } from './types';

/** How a merchant's score came about, term by term, with its recent history. */
export const breakdown = async (dp: RpcClient, merchantId: string): Promise<Breakdown> =>
  objectOf<Breakdown>(await dp.rpc('merchant_ranking_breakdown', { p_merchant: merchantId }));

/** A new rule version (published rules never change). */
export const publishRule = (dp: RpcClient, rule: RankingRule, reason: string) =>
  dp.rpc('ranking_rule_publish', { p_rule: rulePayload(rule), p_reason: reason });

/** Recomputes every merchant's score now (the rank-merchants edge function). */
export const runNow = (dp: Pick<AppDataProvider, 'invokeFunction'>) => dp.invokeFunction<RunSummary>('rank-merchants', {});
