// The platform fee calls the screens make: a price quote, an offline fee recorded with its
// proof, confirmed or rejected by a colleague, and a price set by an admin.
import type { Enums } from '../types/database';
import type { RpcClient } from '../providers/rpc';
import { fileExt, uploadObject } from '../common/storageUpload';
import { resolveImageUrl } from '../common/StorageImage';

export type FeePlan = Enums<'fee_plan'>;
export const FEE_PLANS: readonly FeePlan[] = ['monthly', 'quarterly', 'yearly'];
export const PRICE_REASONS = ['price_review', 'promotion_offer', 'price_correction', 'new_category'] as const;
export const PROOF_BUCKET = 'payment-proofs' as const;

/** The list price of a merchant's plan on a day; null when the list has none. */
export const quote = async (dp: RpcClient, merchantId: string, plan: FeePlan, on: string): Promise<number | null> =>
  ((await dp.rpc('fee_price_quote', { p_merchant_id: merchantId, p_plan: plan, p_on: on })) as number | null) ?? null;

/** Uploads a transfer proof under the merchant's folder. */
export const uploadProof = (merchantId: string, file: File): Promise<string> =>
  uploadObject(PROOF_BUCKET, `merchants/${merchantId}/fee-proof-${Date.now().toString(36)}.${fileExt(file)}`, file);

/** A signed link to a proof (1 h); the storage server audits the read. */
export const proofUrl = (path: string): Promise<string | null> => resolveImageUrl(PROOF_BUCKET, path);

export interface OfflineFeeInput {
  merchantId: string;
  plan: FeePlan;
  amountFen: number;
  payerName: string;
  bankSerial: string;
  paidOn: string;
  proofPath: string;
  note?: string;
}

export const recordOfflineFee = (dp: RpcClient, v: OfflineFeeInput) =>
  dp.rpc('offline_fee_record', {
    p_merchant_id: v.merchantId, p_plan: v.plan, p_amount_fen: v.amountFen, p_payer_name: v.payerName,
    p_bank_serial: v.bankSerial, p_paid_on: v.paidOn, p_proof_path: v.proofPath, p_note: v.note || undefined,
  });

/** recorded → confirmed: posts the payment and activates or renews the merchant. */
export const confirmOfflineFee = (dp: RpcClient, id: string) => dp.rpc('offline_fee_confirm', { p_id: id });

/** recorded → rejected, with a reason. */
export const rejectOfflineFee = (dp: RpcClient, id: string, reason: string) => dp.rpc('offline_fee_reject', { p_id: id, p_reason: reason });

/** A price from a day on (admin, coded reason). An open end is null: the generated types say string, hence the cast. */
export const setFeePrice = (dp: RpcClient, v: { categoryId: number; plan: FeePlan; amountFen: number; validFrom: string;
  validTo: string | null; reasonCode: string; note: string }) =>
  dp.rpc('fee_price_set', {
    p_category_id: v.categoryId, p_plan: v.plan, p_amount_fen: v.amountFen, p_valid_from: v.validFrom,
    p_valid_to: v.validTo as string, p_reason_code: v.reasonCode, p_note: v.note || undefined,
  });
