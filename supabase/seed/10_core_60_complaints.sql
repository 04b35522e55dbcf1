-- Core demo data 6/6: complaints (600 × app.seed_factor) in every state over the last 12
-- months, with messages, history, some overdue, and penalties (降权) on upheld ones.
do $$
declare
  f int := greatest(1, coalesce(nullif(current_setting('app.seed_factor', true), ''), '1')::int);
  n int := 600 * f;
  nr int;
  cs uuid := '00000000-0000-4000-a000-000000000003';
begin
  if exists (select 1 from public.complaints) then
    raise notice 'complaints already seeded';
    return;
  end if;
  create temp table seed_cr on commit drop as
    select row_number() over (order by r.created_at, r.id) as i, r.id, r.member_id, r.merchant_id, r.city_code, r.created_at,
      (select t.id from public.trades t where t.reservation_id = r.id) as trade_id
    from public.reservations r
    where r.state in ('no_show', 'visited', 'no_deal', 'deal_closed', 'settled', 'voided', 'cancelled_by_merchant')
      and r.created_at < now() - interval '2 days';
  create index on seed_cr (i);
  select count(*) into nr from seed_cr;

  insert into public.complaints (id, member_id, merchant_id, reservation_id, trade_id, city_code, category, severity, title, content,
    images, state, assignee_id, assigned_at, first_response_due_at, first_responded_at, merchant_reply_due_at, merchant_no_response,
    resolution_due_at, outcome, remedy, state_reason, resolved_at, closed_at, created_at, state_changed_at)
  select md5('complaint:' || g)::uuid, r.member_id, r.merchant_id, r.id, r.trade_id, r.city_code, x.category, x.severity,
    (array['销售态度恶劣，拒绝回答问题', '车况与描述严重不符', '到店后临时加价', '隐瞒事故车，涉嫌欺诈', '预约后商家无故爽约',
           '租车押金迟迟不退', '保养记录造假'])[1 + g % 7],
    '我于' || to_char(r.created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') || '预约看车，' ||
      (array['商家态度很差。', '实际车况和照片差别很大。', '到店后要求额外收取服务费。', '检测发现有重大事故。', '商家没有按约定时间接待。'])[1 + g % 5]
      || '希望平台处理。',
    case when g % 3 = 0 then array[(array['samples/evidence-chat-1.svg', 'samples/evidence-scratch-1.svg', 'samples/evidence-receipt-1.svg'])[1 + g % 3]] else '{}' end,
    x.state,
    case when x.state <> 'submitted' or g % 4 = 0 then cs end,
    case when x.state <> 'submitted' or g % 4 = 0 then x.created + interval '1 hour' end,
    x.created + interval '24 hours',
    case when x.state <> 'submitted' then x.created + (1 + g % 30) * interval '1 hour' end,
    case when x.state in ('awaiting_merchant', 'mediating', 'escalated', 'resolved', 'closed') then x.created + interval '2 days' end,
    x.state = 'escalated',
    x.created + interval '7 days',
    case when x.state in ('resolved', 'closed') then (array['upheld', 'partly_upheld', 'not_upheld'])[1 + g % 3]::public.complaint_outcome end,
    case when x.state in ('resolved', 'closed') then (array['商家退还服务费并书面道歉', '商家补偿500元', '经核实与描述相符，不予支持'])[1 + g % 3] end,
    case x.state when 'dismissed' then 'no_evidence: 证据不足' when 'withdrawn' then '会员撤诉' end,
    case when x.state in ('resolved', 'closed') then x.created + (3 + g % 4) * interval '1 day' end,
    case when x.state in ('closed', 'dismissed', 'withdrawn') then x.created + (4 + g % 6) * interval '1 day' end,
    x.created,
    x.created + case when x.state = 'submitted' then interval '0' else (1 + g % 5) * interval '1 day' end
  from generate_series(1, n) g
  join seed_cr r on r.i = 1 + floor((g - 1)::numeric / n * nr)::int
  cross join lateral (
    select s.state::public.complaint_state as state,
      (array['attitude', 'quality', 'price', 'fraud', 'other'])[1 + g % 5]::public.complaint_category as category,
      (array['low', 'medium', 'medium', 'high'])[1 + g % 4]::public.complaint_severity as severity,
      case when s.state in ('submitted', 'accepted', 'awaiting_merchant', 'mediating', 'escalated')
           then now() - (1 + g % 9) * interval '1 day' - (g % 20) * interval '1 hour'
           else least(now() - interval '12 days', r.created_at + interval '1 day') end as created
    from (select case when (g * 7) % 100 < 8 then 'submitted' when (g * 7) % 100 < 15 then 'accepted'
                      when (g * 7) % 100 < 23 then 'awaiting_merchant' when (g * 7) % 100 < 32 then 'mediating'
                      when (g * 7) % 100 < 40 then 'escalated' when (g * 7) % 100 < 50 then 'resolved'
                      when (g * 7) % 100 < 85 then 'closed' when (g * 7) % 100 < 95 then 'dismissed'
                      else 'withdrawn' end as state) s
  ) x;

  insert into public.complaint_history (complaint_id, from_state, to_state, reason_code, note, actor_id, at)
  select id, null::public.complaint_state, 'submitted'::public.complaint_state, null, null, null::uuid, created_at from public.complaints
  union all
  select id, 'submitted', state, split_part(state_reason, ':', 1), state_reason, cs, state_changed_at
  from public.complaints where state <> 'submitted';

  insert into public.complaint_messages (complaint_id, kind, author_kind, author_staff_id, body, created_at)
  select c.id,
    case when k = 2 then 'internal_note' else 'reply' end::public.complaint_message_kind,
    case when k = 3 then 'merchant' else 'staff' end,
    case when k = 3 then null else cs end,
    (array['您好，已收到您的投诉，我们会尽快核实处理。', '内部备注：已电话联系商家，商家称会配合。', '商家回复：已与客户沟通，愿意协商解决。',
           '处理结果已同步给您，如有疑问请随时联系客服。'])[k],
    coalesce(c.first_responded_at, c.created_at) + (k - 1) * interval '6 hours'
  from public.complaints c, generate_series(1, 4) k
  where c.state <> 'submitted' and k <= 1 + (abs(hashtext(c.id::text)) % 4);

  insert into public.merchant_penalties (merchant_id, complaint_id, size, reason, starts_at, expires_at, created_by, created_at)
  select c.merchant_id, c.id, 5 + abs(hashtext(c.id::text)) % 16, 'complaint ' || c.outcome || ': ' || c.remedy,
    c.resolved_at, c.resolved_at + (30 + abs(hashtext(c.id::text)) % 60) * interval '1 day', cs, c.resolved_at
  from public.complaints c
  where c.outcome in ('upheld', 'partly_upheld') and abs(hashtext(c.id::text)) % 2 = 0;
end $$;
