// Ranking rules, breakdowns and runs as the screens use them.
import type { Json } from '../types/database';

export const TERM_KEYS = [
  'product_updates', 'update_frequency', 'rating', 'complaints', 'reservations', 'success_rate', 'penalties',
] as const;
export type TermKey = (typeof TERM_KEYS)[number];

export interface BreakdownTerm {
  key: TermKey;
  value: number | null;
  normalized: number;
  weight: number;
  points: number;
  cap?: number;
  count?: number;
  successful?: number;
  total?: number;
  // the rating term: how many visible reviews and their decay-weighted mean (19_merchant_reviews.sql)
  review_count?: number;
  weighted_mean?: number | null;
  platform_mean?: number;
}

export interface Breakdown {
  merchant_id: string;
  merchant_name: string;
  city_code: string;
  city_name: string | null;
  score: number | null;
  level: number | null;
  rank_in_city: number | null;
  city_ranked_count: number | null;
  computed_at: string | null;
  rule: { id: number; version: number; name: string; level_thresholds: number[]; window_days: number; active: boolean } | null;
  terms: BreakdownTerm[];
  penalties: { id: string; size: number; reason: string; expires_at: string; complaint_id: string | null }[];
  history: { run_id: number; score: number; level: number; rank_in_city: number; computed_at: string }[];
}

export interface RankingRule {
  id: number;
  version: number;
  name: string;
  w_product_updates: number;
  w_update_frequency: number;
  w_rating: number;
  w_complaints: number;
  w_reservations: number;
  w_success_rate: number;
  w_penalties: number;
  level_thresholds: number[];
  window_days: number;
  cap_product_updates: number;
  cap_complaints: number;
  cap_reservations: number;
  active: boolean;
  note: string | null;
  reason: string | null;
  created_at: string;
}

export interface RunSummary {
  run_id: number;
  status: 'succeeded' | 'failed';
  merchant_count?: number;
  city_count?: number;
  duration_ms?: number;
  levels?: Record<string, number>;
  error?: string;
}

/** Weight column of each term. */
export const WEIGHT_FIELD: Record<TermKey, keyof RankingRule> = {
  product_updates: 'w_product_updates',
  update_frequency: 'w_update_frequency',
  rating: 'w_rating',
  complaints: 'w_complaints',
  reservations: 'w_reservations',
  success_rate: 'w_success_rate',
  penalties: 'w_penalties',
};

/** Cap column of the terms that have one. */
export const CAP_FIELD: Partial<Record<TermKey, keyof RankingRule>> = {
  product_updates: 'cap_product_updates',
  complaints: 'cap_complaints',
  reservations: 'cap_reservations',
};

/** The rule fields the publish RPC takes, from a (possibly edited) rule. */
export function rulePayload(rule: RankingRule): Json {
  return {
    name: rule.name,
    w_product_updates: Number(rule.w_product_updates),
    w_update_frequency: Number(rule.w_update_frequency),
    w_rating: Number(rule.w_rating),
    w_complaints: Number(rule.w_complaints),
    w_reservations: Number(rule.w_reservations),
    w_success_rate: Number(rule.w_success_rate),
    w_penalties: Number(rule.w_penalties),
    level_thresholds: rule.level_thresholds.map(Number),
    window_days: Number(rule.window_days),
    cap_product_updates: Number(rule.cap_product_updates),
    cap_complaints: Number(rule.cap_complaints),
    cap_reservations: Number(rule.cap_reservations),
    note: rule.note ?? null,
  };
}

/** Client-side check before publishing (the database checks again). Returns message keys. */
export function validateRule(rule: RankingRule): string[] {
  const errors: string[] = [];
  const t = rule.level_thresholds.map(Number);
  if (t.length !== 4 || t.some((x) => !Number.isFinite(x)) || !(t[0] < t[1] && t[1] < t[2] && t[2] < t[3])) errors.push('thresholds');
  const w = Number(rule.window_days);
  if (!Number.isInteger(w) || w < 1 || w > 730) errors.push('window_days');
  for (const k of TERM_KEYS) {
    const v = Number(rule[WEIGHT_FIELD[k]]);
    if (!Number.isFinite(v) || v < -100 || v > 100) errors.push(WEIGHT_FIELD[k]);
  }
  for (const f of Object.values(CAP_FIELD)) {
    const v = Number(rule[f!]);
    if (!Number.isInteger(v) || v < 1) errors.push(f!);
  }
  if (!String(rule.name ?? '').trim()) errors.push('name');
  return errors;
}
