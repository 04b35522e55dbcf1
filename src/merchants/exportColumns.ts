// What a merchants export holds: profile, standing, fees and deposit, activity. The legal
// person's id number stays out (need-to-know: the detail page reveals it with a reason).
import { codeColumn, type ExportColumn } from '../common/export';

export const merchantExportColumns = (t: (k: string) => string): ExportColumn[] => {
  const f = (k: string) => t(`resources.merchants.fields.${k}`);
  return [
    { source: 'name', label: f('name') },
    codeColumn('kind', f('kind'), 'resources.merchant_applications.kinds', t),
    { source: 'category_name', label: f('category_name') },
    codeColumn('status', f('status'), 'resources.merchants.statuses', t),
    { source: 'city_name', label: f('city_name') },
    { source: 'address', label: f('address') },
    { source: 'level', label: f('level'), kind: 'number' },
    { source: 'rank_score', label: f('rank_score'), kind: 'number' },
    { source: 'rank_in_city', label: f('rank_in_city'), kind: 'number' },
    { source: 'rating', label: f('rating'), kind: 'number' },
    { source: 'commission_rate', label: f('commission_rate'), kind: 'percent' },
    { source: 'distributor_rate', label: f('distributor_rate'), kind: 'percent' },
    codeColumn('fee_plan', f('fee_plan'), 'resources.merchant_applications.fee_plans', t),
    { source: 'fee_paid_until', label: f('fee_paid_until'), kind: 'date' },
    { source: 'deposit_fen', label: f('deposit_fen'), kind: 'money' },
    { source: 'deposit_required_fen', label: f('deposit_required_fen'), kind: 'money' },
    { source: 'contact_name', label: f('contact_name') },
    { source: 'contact_phone', label: f('contact_phone') },
    { source: 'licence_no', label: f('licence_no') },
    { source: 'legal_person_name', label: f('legal_person_name') },
    { source: 'product_count', label: f('product_count'), kind: 'number' },
    { source: 'on_shelf_count', label: f('on_shelf_count'), kind: 'number' },
    { source: 'reservation_count', label: f('reservation_count'), kind: 'number' },
    { source: 'success_count', label: f('success_count'), kind: 'number' },
    { source: 'success_rate', label: f('success_rate'), kind: 'percent' },
    { source: 'complaint_count', label: f('complaint_count'), kind: 'number' },
    { source: 'open_complaint_count', label: f('open_complaint_count'), kind: 'number' },
    { source: 'active_penalty_count', label: f('active_penalty_count'), kind: 'number' },
    { source: 'approved_at', label: f('approved_at'), kind: 'datetime' },
    { source: 'activated_at', label: f('activated_at'), kind: 'datetime' },
  ];
};
