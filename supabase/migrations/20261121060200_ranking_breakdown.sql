-- A merchant's ranking explained term by term (R-RNK-3): the last run's raw value, scale,
-- weight and points of each term, the rule version and thresholds it ran under, the
-- penalties in force now, and the recent history. security invoker: the caller's RLS
-- decides whether the merchant (and its scores) are visible; a hidden merchant is not_found.
create or replace function public.merchant_ranking_breakdown(p_merchant uuid)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  m record;
  sc public.merchant_scores;
  rr public.ranking_rules;
  out jsonb;
begin
  -- named columns: staff may not read the merchant's PII columns
  select x.id, x.name, x.city_code, x.status into m from public.merchants x where x.id = p_merchant;
  if not found then
    perform app.fail('not_found', 'no merchant ' || coalesce(p_merchant::text, 'null'));
  end if;
  select * into sc from public.merchant_scores x where x.merchant_id = p_merchant;
  select * into rr from public.ranking_rules x where x.id = coalesce(sc.rule_id, (select a.id from public.ranking_rules a where a.active));

  out := jsonb_build_object(
    'merchant_id', m.id,
    'merchant_name', m.name,
    'city_code', m.city_code,
    'city_name', (select g.name from public.regions g where g.code = m.city_code),
    'status', m.status,
    'score', sc.score,
    'level', sc.level,
    'rank_in_city', sc.rank_in_city,
    'city_ranked_count', case when sc.merchant_id is null then null else
      (select count(*) from public.merchant_scores s2 join public.merchants m2 on m2.id = s2.merchant_id
        where m2.city_code = m.city_code and s2.run_id = sc.run_id) end,
    'run_id', sc.run_id,
    'computed_at', sc.computed_at,
    'rule', case when rr.id is null then null else jsonb_build_object(
      'id', rr.id, 'version', rr.version, 'name', rr.name, 'level_thresholds', to_jsonb(rr.level_thresholds),
      'window_days', rr.window_days, 'active', rr.active) end,
    'terms', coalesce((
      select jsonb_agg(t.value || jsonb_build_object('key', t.key) order by t.ord)
      from unnest(array['product_updates', 'update_frequency', 'rating', 'complaints', 'reservations',
                        'success_rate', 'penalties']) with ordinality as k (key, ord)
      cross join lateral (select k.key, k.ord, sc.terms -> k.key as value) t
      where t.value is not null), '[]'::jsonb),
    'penalties', coalesce((
      select jsonb_agg(jsonb_build_object('id', p.id, 'size', p.size, 'reason', p.reason, 'complaint_id', p.complaint_id,
               'starts_at', p.starts_at, 'expires_at', p.expires_at) order by p.expires_at)
      from public.merchant_penalties p
      where p.merchant_id = m.id and p.revoked_at is null and p.starts_at <= now() and p.expires_at > now()), '[]'::jsonb),
    'history', coalesce((
      select jsonb_agg(jsonb_build_object('run_id', h.run_id, 'score', h.score, 'level', h.level,
               'rank_in_city', h.rank_in_city, 'computed_at', h.computed_at) order by h.computed_at)
      from (select * from public.merchant_score_history x where x.merchant_id = m.id
            order by x.computed_at desc limit 30) h), '[]'::jsonb)
  );
  return out;
end;
$$;
revoke execute on function public.merchant_ranking_breakdown(uuid) from public, anon;
grant execute on function public.merchant_ranking_breakdown(uuid) to authenticated, service_role;

-- Runs with their rule version, for the run history panel.
create view public.v_ranking_runs with (security_invoker = on) as
select x.id, x.rule_id, r.version as rule_version, r.name as rule_name, x.trigger, x.status, x.merchant_count, x.error,
  x.triggered_by, s.display_name as triggered_by_name, x.started_at, x.finished_at,
  round(extract(epoch from x.finished_at - x.started_at) * 1000) as duration_ms
from public.ranking_runs x
join public.ranking_rules r on r.id = x.rule_id
left join public.staff s on s.id = x.triggered_by;
revoke all on public.v_ranking_runs from anon, authenticated;
grant select on public.v_ranking_runs to authenticated;
