// The ranking calls the screens make.
import type { AppDataProvider } from '../providers/dataProvider';
import { waitForJob } from '../common/jobs/wait';
import { objectOf, type RpcClient } from '../providers/rpc';
import { rulePayload, type Breakdown, type RankingRule, type RunSummary } from './types';

/** How a merchant's score came about, term by term, with its recent history. */
export const breakdown = async (dp: RpcClient, merchantId: string): Promise<Breakdown> =>
  objectOf<Breakdown>(await dp.rpc('merchant_ranking_breakdown', { p_merchant: merchantId }));

/** A new rule version (published rules never change). */
export const publishRule = (dp: RpcClient, rule: RankingRule, reason: string) =>
  dp.rpc('ranking_rule_publish', { p_rule: rulePayload(rule), p_reason: reason });

/** Recomputes every merchant's score now (the rank-merchants edge function). */
// It answers with its job run at once and ranks in the background; this waits on the run.
export const runNow = async (dp: Pick<AppDataProvider, 'invokeFunction'>): Promise<RunSummary> => {
  const { job_run_id } = await dp.invokeFunction<{ job_run_id: string }>('rank-merchants', { background: true });
  const run = await waitForJob(job_run_id);
  return run.result as unknown as RunSummary;
};
