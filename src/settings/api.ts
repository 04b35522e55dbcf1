// The settings calls: one read of every parameter, and one typed write per kind, each with a reason.
import type { Tables } from '../types/database';
import type { Json } from '../types/database';
import type { RpcClient } from '../providers/rpc';

export interface SettingsOverview {
  core: Tables<'core_settings'>;
  money: Tables<'money_settings'>;
  four_eyes: Tables<'four_eyes_rules'>[];
  ceilings: Tables<'amount_ceilings'>[];
  categories: Tables<'merchant_categories'>[];
}

export const overview = async (dp: RpcClient): Promise<SettingsOverview> =>
  (await dp.rpc('settings_overview')) as unknown as SettingsOverview;

export const updateCore = (dp: RpcClient, changes: Record<string, number>, reason: string) =>
  dp.rpc('core_settings_update', { p_changes: changes as Json, p_reason: reason });
export const updateMoney = (dp: RpcClient, changes: Record<string, number | boolean | string>, reason: string) =>
  dp.rpc('money_settings_update', { p_changes: changes as Json, p_reason: reason });
export const updateFourEyes = (dp: RpcClient, rule: string, enabled: boolean, thresholdFen: number | null, reason: string) =>
  dp.rpc('four_eyes_rule_update', { p_rule: rule, p_enabled: enabled, p_threshold_fen: thresholdFen as number, p_reason: reason });
export const updateCeiling = (dp: RpcClient, kind: string, maxFen: number, reason: string) =>
  dp.rpc('amount_ceiling_update', { p_kind: kind, p_max_fen: maxFen, p_reason: reason });
export const updateCategory = (dp: RpcClient, id: number, changes: Record<string, number | boolean>, reason: string) =>
  dp.rpc('merchant_category_update', { p_id: id, p_changes: changes as Json, p_reason: reason });
