-- Core demo data 3/5: merchants (300 × app.seed_factor) in every state with their approved
-- applications, plus applications still in the review queue in every state.
-- `supabase db push --include-seed` prepares every statement of a seed file before it runs
-- any, so a statement naming a temp table made earlier in the same file would not be found:
-- the temp tables are made and used inside one DO block (run, not prepared, statement by statement).
do $$
begin
  drop table if exists seed_words, seed_cities, seed_surnames2;
  create temp table seed_words (i int primary key, name text, py text, ini text);
  insert into seed_words values
  (1, '鑫源', 'xinyuan', 'xy'),
  (2, '恒通', 'hengtong', 'ht'),
  (3, '顺达', 'shunda', 'sd'),
  (4, '宏达', 'hongda', 'hd'),
  (5, '永盛', 'yongsheng', 'ys'),
  (6, '诚信', 'chengxin', 'cx'),
  (7, '安吉', 'anji', 'aj'),
  (8, '瑞丰', 'ruifeng', 'rf'),
  (9, '华泰', 'huatai', 'ht'),
  (10, '中联', 'zhonglian', 'zl'),
  (11, '金桥', 'jinqiao', 'jq'),
  (12, '万通', 'wantong', 'wt'),
  (13, '天顺', 'tianshun', 'ts'),
  (14, '东方', 'dongfang', 'df'),
  (15, '远航', 'yuanhang', 'yh'),
  (16, '佳和', 'jiahe', 'jh'),
  (17, '盛世', 'shengshi', 'ss'),
  (18, '德隆', 'delong', 'dl'),
  (19, '新锐', 'xinrui', 'xr'),
  (20, '捷诚', 'jiecheng', 'jc')
  ;
  create temp table seed_cities as
    select demo_rank as i, code, regexp_replace(name, '市$', '') as short, name_pinyin as py, name_initials as ini, lat, lng
    from public.regions where demo_rank is not null;
  create temp table seed_surnames2 (i int primary key, name text);
  insert into seed_surnames2 select i, s from unnest('{王,李,张,刘,陈,杨,黄,赵,吴,周,徐,孙,马,朱,胡,郭}'::text[]) with ordinality as t (s, i);
end $$;

do $$
declare
  f int := greatest(1, coalesce(nullif(current_setting('app.seed_factor', true), ''), '1')::int);
  n int := 300 * f;
  today date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if exists (select 1 from public.merchants) then
    raise notice 'merchants already seeded';
    return;
  end if;
  create temp table seed_m on commit drop as
  select g,
    md5('merchant:' || g)::uuid as id,
    md5('application:' || g)::uuid as application_id,
    k.kind,
    c.code as city_code, c.short, c.py as city_py, c.ini as city_ini, c.lat, c.lng,
    w.name as word, w.py as word_py, w.ini as word_ini,
    b.name as brand, b.name_pinyin as brand_py, b.name_initials as brand_ini,
    -- every state, most of them active
    (array['approved', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active',
           'active', 'active', 'active', 'suspended', 'grace', 'lapsed', 'closing', 'closed', 'active'])[1 + g % 20]::public.merchant_status as status,
    now() - interval '400 days' + (g::double precision / n) * interval '300 days' as created,
    g / 30 as branch
  from generate_series(1, n) g
  cross join lateral (select case when g % 10 < 4 then 'used_dealer' when g % 10 < 6 then 'new_dealer_4s'
                                  when g % 10 < 8 then 'rental' when g % 10 < 9 then 'service' else 'parts' end::public.merchant_kind as kind) k
  join seed_cities c on c.i = 1 + (g - 1) % 30
  join seed_words w on w.i = 1 + ((g - 1) / 30) % 20
  join public.car_brands b on b.id = 1 + (g * 7) % 20;

  insert into public.merchant_applications (id, company_name, company_name_pinyin, company_name_initials, kind, category_id,
    city_code, address, lat, lng, contact_name, contact_phone, licence_no, licence_image_url, legal_person_name,
    legal_person_id_number, state, version, reviewer_id, claimed_at, fee_plan, submitted_at, decided_at, created_at, updated_at)
  select a.application_id, a.name, a.py, a.ini, a.kind, a.category_id, a.city_code, a.address, a.lat, a.lng, a.contact_name,
    a.contact_phone, a.licence_no, 'samples/licence-' || (1 + a.g % 3) || '.svg', a.contact_name, a.legal_id,
    'draft', 1, null, null, null, null, null, a.created - interval '10 days', a.created - interval '3 days'
  from (
    select m.*, nm.name, nm.py, nm.ini,
      case m.kind when 'used_dealer' then 1 when 'new_dealer_4s' then 2 when 'rental' then 3 when 'service' then 4 else 5 end as category_id,
      m.short || '市' || (array['高新区', '武侯区', '滨江区', '朝阳区', '天河区', '南山区', '江北区', '经开区'])[1 + m.g % 8]
        || (array['汽车城', '车市大道', '二环路', '机场路', '汽贸园'])[1 + m.g % 5] || (10 + m.g % 190) || '号' as address,
      s.name || (array['经理', '总', '先生', '女士'])[1 + m.g % 4] as contact_name,
      (array['139', '138', '186', '180', '133'])[1 + m.g % 5] || lpad(((m.g::bigint * 104729) % 100000000)::text, 8, '0') as contact_phone,
      '91' || m.city_code || 'MA' || upper(substr(md5('licence:' || m.g), 1, 8)) as licence_no,
      m.city_code || (1970 + m.g % 30)::text || lpad((1 + m.g % 12)::text, 2, '0') || lpad((1 + m.g % 28)::text, 2, '0')
        || lpad((m.g % 1000)::text, 3, '0') || (m.g % 10)::text as legal_id
    from seed_m m
    join seed_surnames2 s on s.i = 1 + m.g % 16
    cross join lateral (
      select case m.kind
        when 'used_dealer' then m.short || m.word || (array['二手车行', '名车汇', '二手车交易中心'])[1 + m.g % 3]
        when 'new_dealer_4s' then m.short || m.word || m.brand || '4S店'
        when 'rental' then m.short || m.word || (array['租车', '汽车租赁'])[1 + m.g % 2]
        when 'service' then m.short || m.word || (array['汽修厂', '汽车服务中心'])[1 + m.g % 2]
        else m.short || m.word || (array['汽配商行', '汽车配件城'])[1 + m.g % 2] end
        || case when m.branch >= 20 then (m.branch / 20 + 1) || '分店' else '' end as name,
      m.city_py || m.word_py || case m.kind when 'new_dealer_4s' then m.brand_py || '4sdian' else '' end as py,
      m.city_ini || m.word_ini || case m.kind when 'new_dealer_4s' then m.brand_ini || '4s' else '' end as ini
    ) nm
  ) a;

  insert into public.merchant_application_documents (application_id, version, doc_type, file_url, doc_number, created_at)
  select a.id, 1, d.t::public.merchant_document_type, case d.t when 'road_transport_permit' then 'samples/transport-permit-' || (1 + abs(hashtext(a.id::text)) % 2) || '.svg' else 'samples/licence-' || (1 + abs(hashtext(a.id::text)) % 3) || '.svg' end,
    case when d.t = 'business_licence' then a.licence_no end, a.created_at
  from public.merchant_applications a
  cross join lateral unnest(case when a.kind = 'rental' then '{business_licence,road_transport_permit,shop_photo}'::text[]
                                 when a.kind = 'new_dealer_4s' then '{business_licence,dealer_authorisation,shop_photo}'::text[]
                                 else '{business_licence,shop_photo}'::text[] end) as d (t);

  insert into public.merchants (id, name, name_pinyin, name_initials, kind, category_id, commission_rate_override, city_code,
    address, lat, lng, status, status_reason, status_changed_at, level, rank_score, rating, fee_plan, fee_paid_until,
    deposit_fen, contact_name, contact_phone, licence_no, licence_image_url, legal_person_name, legal_person_id_number,
    description, application_id, approved_at, activated_at, closed_at, created_at, updated_at)
  select m.id, a.company_name, a.company_name_pinyin, a.company_name_initials, a.kind, a.category_id,
    case when m.g % 17 = 0 then 0.0120 end,
    a.city_code, a.address, a.lat + (pg_temp.rnd(m.g, 1) - 0.5) * 0.2, a.lng + (pg_temp.rnd(m.g, 2) - 0.5) * 0.2,
    m.status,
    case m.status when 'suspended' then 'complaints: 投诉过多' when 'closing' then 'owner_request: 商户申请退出'
                  when 'closed' then 'owner_request: 商户申请退出' end,
    m.created + interval '30 days',
    1 + (m.g * 3) % 5, round((40 + pg_temp.rnd(m.g, 3) * 60)::numeric, 2), round((3.5 + pg_temp.rnd(m.g, 4) * 1.5)::numeric, 2),
    (array['monthly', 'quarterly', 'yearly'])[1 + m.g % 3]::public.fee_plan,
    case m.status
      when 'approved' then null
      when 'active' then today + 10 + (m.g % 300)
      when 'suspended' then today + 30 + (m.g % 200)
      when 'grace' then today - 1 - (m.g % 10)
      when 'lapsed' then today - 20 - (m.g % 60)
      else today - 5 - (m.g % 100) end,
    case when m.status = 'approved' then 0
         else (array[1000000, 2000000, 500000, 200000, 200000])[a.category_id] * (1 + m.g % 2) end,
    a.contact_name, a.contact_phone, a.licence_no, a.licence_image_url, a.legal_person_name, a.legal_person_id_number,
    '本店诚信经营，车源丰富，支持检测、按揭与置换。', a.id, m.created,
    case when m.status <> 'approved' then m.created + interval '3 days' end,
    case when m.status = 'closed' then m.created + interval '200 days' end,
    m.created, m.created
  from seed_m m join public.merchant_applications a on a.id = m.application_id;

  update public.merchant_applications a set state = 'approved', version = 1 + (m.g % 7 = 0)::int,
    reviewer_id = '00000000-0000-4000-a000-000000000002', claimed_at = m.created - interval '2 days',
    fee_plan = mc.fee_plan, merchant_id = mc.id, submitted_at = m.created - interval '9 days', decided_at = m.created
  from seed_m m join public.merchants mc on mc.id = m.id
  where a.id = m.application_id;

  -- rank within city by score
  update public.merchants mc set rank_in_city = r.rk
  from (select id, row_number() over (partition by city_code order by rank_score desc, id) as rk from public.merchants) r
  where r.id = mc.id;

  insert into public.merchant_status_history (merchant_id, from_status, to_status, reason_code, note, actor_id, at)
  select id, null::public.merchant_status, 'approved'::public.merchant_status, 'application_approved', null, '00000000-0000-4000-a000-000000000002'::uuid, approved_at
  from public.merchants
  union all
  select id, 'approved', 'active', 'fee_paid', null, null::uuid, activated_at from public.merchants where status <> 'approved'
  union all
  select id, 'active'::public.merchant_status, status, split_part(status_reason, ':', 1), status_reason,
    case when status = 'suspended' then '00000000-0000-4000-a000-000000000002'::uuid end, status_changed_at
  from public.merchants where status not in ('approved', 'active');

  -- Applications still in the queue, one group per state (80 × factor).
  insert into public.merchant_applications (id, company_name, company_name_pinyin, company_name_initials, kind, category_id,
    city_code, address, contact_name, contact_phone, licence_no, licence_image_url, legal_person_name, state, version,
    reviewer_id, claimed_at, field_comments, reject_reason, submitted_at, decided_at, created_at, updated_at)
  select md5('application:q' || g)::uuid,
    c.short || w.name || (array['二手车行', '租车', '汽修厂', '名车汇', '汽配商行'])[1 + g % 5] || '（申请' || g || '）',
    c.py || w.py, c.ini || w.ini,
    (array['used_dealer', 'rental', 'service', 'used_dealer', 'parts'])[1 + g % 5]::public.merchant_kind,
    (array[1, 3, 4, 1, 5])[1 + g % 5],
    c.code, c.short || '市车市大道' || g || '号', '周经理',
    '137' || lpad(((g::bigint * 611953) % 100000000)::text, 8, '0'),
    '92' || c.code || 'MA' || upper(substr(md5('qlicence:' || g), 1, 8)), 'samples/licence-' || (1 + g % 3) || '.svg', '周' || w.name,
    st.state::public.merchant_application_state,
    case when st.state in ('submitted', 'in_review') and g % 3 = 0 then 2 else 1 end,
    case when st.state in ('in_review', 'need_more_info', 'rejected') then '00000000-0000-4000-a000-000000000002'::uuid end,
    case when st.state in ('in_review', 'need_more_info', 'rejected') then now() - (g % 5) * interval '1 day' end,
    case when st.state = 'need_more_info' then '{"licence_image_url": "营业执照照片模糊，请重新上传"}'::jsonb end,
    case when st.state = 'rejected' then 'licence_invalid: 营业执照已过期' end,
    case when st.state <> 'draft' then now() - (g % 20) * interval '1 day' - interval '1 day' end,
    case when st.state = 'rejected' then now() - (g % 5) * interval '1 day' end,
    now() - (g % 20) * interval '1 day' - interval '2 days', now() - (g % 5) * interval '1 day'
  from generate_series(1, 80 * f) g
  join seed_cities c on c.i = 1 + (g * 7) % 30
  join seed_words w on w.i = 1 + g % 20
  cross join lateral (select (array['draft', 'submitted', 'submitted', 'in_review', 'need_more_info', 'rejected', 'submitted', 'in_review'])[1 + g % 8] as state) st;

  insert into public.merchant_application_documents (application_id, version, doc_type, file_url, doc_number, created_at)
  select a.id, 1, d.t::public.merchant_document_type, case d.t when 'road_transport_permit' then 'samples/transport-permit-' || (1 + abs(hashtext(a.id::text)) % 2) || '.svg' else 'samples/licence-' || (1 + abs(hashtext(a.id::text)) % 3) || '.svg' end,
    case when d.t = 'business_licence' then a.licence_no end, a.created_at
  from public.merchant_applications a
  cross join lateral unnest(case when a.kind = 'rental' then '{business_licence,road_transport_permit}'::text[]
                                 else '{business_licence}'::text[] end) as d (t)
  where a.merchant_id is null;

  insert into public.merchant_application_versions (application_id, version, snapshot, submitted_at)
  select a.id, v, to_jsonb(a) - '{search,search_grams}'::text[], coalesce(a.submitted_at, a.created_at)
  from public.merchant_applications a, generate_series(1, a.version) v
  where a.state <> 'draft';

  insert into public.merchant_application_history (application_id, version, from_state, to_state, reason_code, note, field_comments, actor_id, at)
  select a.id, 1, 'draft'::public.merchant_application_state, 'submitted'::public.merchant_application_state, null, null, null::jsonb, null::uuid, coalesce(a.submitted_at, a.created_at)
  from public.merchant_applications a where a.state <> 'draft'
  union all
  select a.id, a.version, 'submitted', 'in_review', null, null, null, a.reviewer_id, a.claimed_at
  from public.merchant_applications a where a.claimed_at is not null
  union all
  select a.id, a.version, 'in_review', a.state, split_part(a.reject_reason, ':', 1), a.reject_reason, a.field_comments, a.reviewer_id,
    coalesce(a.decided_at, a.updated_at)
  from public.merchant_applications a where a.state in ('approved', 'rejected', 'need_more_info');
end $$;
