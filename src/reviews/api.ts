// The review calls the screens make.
import { objectOf, type RpcClient } from '../providers/rpc';

export const HIDE_REASONS = ['spam', 'fake', 'abusive', 'irrelevant', 'other'] as const;

export const hideReview = (dp: RpcClient, id: string, reasonCode: string, note: string) =>
  dp.rpc('review_hide', { p_id: id, p_reason_code: reasonCode, p_note: note || undefined });

export const restoreReview = (dp: RpcClient, id: string, note: string) => dp.rpc('review_restore', { p_id: id, p_note: note });

/** How the merchant's rating is made now (merchant_review_summary). */
export interface ReviewSummary {
  review_count: number;
  hidden_count: number;
  weighted_count: number;
  weighted_mean: number | null;
  platform_mean: number;
  prior_weight: number;
  half_life_days: number;
  rating: number;
  stored_rating: number | null;
}

export const reviewSummary = async (dp: RpcClient, merchant: string): Promise<ReviewSummary> =>
  objectOf<ReviewSummary>(await dp.rpc('merchant_review_summary', { p_merchant: merchant }));
