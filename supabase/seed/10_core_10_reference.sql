-- Core demo data 1/5: merchant categories, vehicle catalogue, the first ranking rule.
-- Deterministic; ids are fixed so later seed files and tests can rely on them.
insert into public.merchant_categories (id, code, name, commission_rate, distributor_rate, deposit_required_fen)
overriding system value
values
  (1, 'used_dealer', '二手车商', 0.0200, 0.0100, 1000000),
  (2, 'new_dealer_4s', '新车4S店', 0.0150, 0.0080, 2000000),
  (3, 'rental', '汽车租赁', 0.0500, 0.0200, 500000),
  (4, 'service', '汽车服务/维修', 0.0800, 0.0300, 200000),
  (5, 'parts', '汽车配件', 0.0600, 0.0200, 200000)
on conflict (id) do nothing;
select setval(pg_get_serial_sequence('public.merchant_categories', 'id'), 100);

-- 平台费价目表: last year's prices until the mid-2026 review, today's since (yuan: monthly /
-- quarterly / yearly). Payments in the money seed pay the price of their day.
insert into public.fee_prices (category_id, plan, amount_fen, valid_from, valid_to, reason)
select p.category_id, x.plan::public.fee_plan, x.fen, v.valid_from, v.valid_to, v.reason
  from (values (1, 80000, 228000, 880000), (2, 150000, 420000, 1580000), (3, 60000, 170000, 650000),
               (4, 30000, 85000, 320000), (5, 20000, 56000, 210000)) p (category_id, monthly, quarterly, yearly)
  cross join (values (date '2020-01-01', date '2026-06-30', 'new_category', 0.9),
                     (date '2026-07-01', null::date, 'price_review: 2026 年度调价', 1.0)) v (valid_from, valid_to, reason, factor)
  cross join lateral (values ('monthly', round(p.monthly * v.factor / 1000) * 1000),
                             ('quarterly', round(p.quarterly * v.factor / 1000) * 1000),
                             ('yearly', round(p.yearly * v.factor / 1000) * 1000)) x (plan, fen);

insert into public.car_brands (id, name, name_en, name_pinyin, name_initials, first_letter, country, sort_order)
overriding system value
values
(1, '宝马', 'BMW', 'baoma', 'bm', 'B', '德国', 1),
(2, '奔驰', 'Mercedes-Benz', 'benchi', 'bc', 'B', '德国', 2),
(3, '奥迪', 'Audi', 'aodi', 'ad', 'A', '德国', 3),
(4, '大众', 'Volkswagen', 'dazhong', 'dz', 'D', '德国', 4),
(5, '丰田', 'Toyota', 'fengtian', 'ft', 'F', '日本', 5),
(6, '本田', 'Honda', 'bentian', 'bt', 'B', '日本', 6),
(7, '日产', 'Nissan', 'richan', 'rc', 'R', '日本', 7),
(8, '别克', 'Buick', 'bieke', 'bk', 'B', '美国', 8),
(9, '比亚迪', 'BYD', 'biyadi', 'byd', 'B', '中国', 9),
(10, '特斯拉', 'Tesla', 'tesila', 'tsl', 'T', '美国', 10),
(11, '吉利', 'Geely', 'jili', 'jl', 'J', '中国', 11),
(12, '长安', 'Changan', 'changan', 'ca', 'C', '中国', 12),
(13, '哈弗', 'Haval', 'hafu', 'hf', 'H', '中国', 13),
(14, '理想', 'Li Auto', 'lixiang', 'lx', 'L', '中国', 14),
(15, '蔚来', 'NIO', 'weilai', 'wl', 'W', '中国', 15),
(16, '小鹏', 'XPeng', 'xiaopeng', 'xp', 'X', '中国', 16),
(17, '五菱', 'Wuling', 'wuling', 'wl', 'W', '中国', 17),
(18, '雪佛兰', 'Chevrolet', 'xuefolan', 'xfl', 'X', '美国', 18),
(19, '福特', 'Ford', 'fute', 'ft', 'F', '美国', 19),
(20, '马自达', 'Mazda', 'mazida', 'mzd', 'M', '日本', 20)
on conflict (id) do nothing;
select setval(pg_get_serial_sequence('public.car_brands', 'id'), 1000);

-- `supabase db push --include-seed` prepares every statement of a seed file before it runs
-- any, so a statement naming a temp table made earlier in the same file would not be found:
-- the temp tables are made and used inside one DO block (run, not prepared, statement by statement).
do $$
begin
  drop table if exists seed_series;
  create temp table seed_series (ord int, brand_id int, name text, py text, ini text, maker text, body text,
    energy public.energy_type, base_wan int);
  insert into seed_series values
  (1, 1, '3系', '3xi', '3x', '华晨宝马', 'sedan', 'petrol', 30),
  (2, 1, '5系', '5xi', '5x', '华晨宝马', 'sedan', 'petrol', 45),
  (3, 1, 'X3', 'x3', 'x3', '华晨宝马', 'suv', 'petrol', 40),
  (4, 1, 'X5', 'x5', 'x5', '宝马', 'suv', 'petrol', 70),
  (5, 2, 'C级', 'cji', 'cj', '北京奔驰', 'sedan', 'petrol', 33),
  (6, 2, 'E级', 'eji', 'ej', '北京奔驰', 'sedan', 'petrol', 45),
  (7, 2, 'GLC', 'glc', 'glc', '北京奔驰', 'suv', 'petrol', 43),
  (8, 3, 'A4L', 'a4l', 'a4l', '一汽奥迪', 'sedan', 'petrol', 31),
  (9, 3, 'A6L', 'a6l', 'a6l', '一汽奥迪', 'sedan', 'petrol', 42),
  (10, 3, 'Q5L', 'q5l', 'q5l', '一汽奥迪', 'suv', 'petrol', 40),
  (11, 4, '朗逸', 'langyi', 'ly', '上汽大众', 'sedan', 'petrol', 11),
  (12, 4, '帕萨特', 'pasate', 'pst', '上汽大众', 'sedan', 'petrol', 19),
  (13, 4, '速腾', 'suteng', 'st', '一汽大众', 'sedan', 'petrol', 14),
  (14, 4, '途观L', 'tuguanl', 'tgl', '上汽大众', 'suv', 'petrol', 22),
  (15, 5, '凯美瑞', 'kaimeirui', 'kmr', '广汽丰田', 'sedan', 'hybrid', 18),
  (16, 5, '卡罗拉', 'kaluola', 'kll', '一汽丰田', 'sedan', 'petrol', 11),
  (17, 5, 'RAV4荣放', 'rav4rongfang', 'rav4rf', '一汽丰田', 'suv', 'petrol', 17),
  (18, 5, '汉兰达', 'hanlanda', 'hld', '广汽丰田', 'suv', 'petrol', 27),
  (19, 6, '雅阁', 'yage', 'yg', '广汽本田', 'sedan', 'petrol', 17),
  (20, 6, '思域', 'siyu', 'sy', '东风本田', 'sedan', 'petrol', 13),
  (21, 6, 'CR-V', 'crv', 'crv', '东风本田', 'suv', 'petrol', 18),
  (22, 7, '轩逸', 'xuanyi', 'xy', '东风日产', 'sedan', 'petrol', 10),
  (23, 7, '天籁', 'tianlai', 'tl', '东风日产', 'sedan', 'petrol', 18),
  (24, 8, '英朗', 'yinglang', 'yl', '上汽通用别克', 'sedan', 'petrol', 10),
  (25, 8, 'GL8', 'gl8', 'gl8', '上汽通用别克', 'mpv', 'petrol', 30),
  (26, 9, '汉', 'han', 'h', '比亚迪', 'sedan', 'ev', 21),
  (27, 9, '秦PLUS', 'qinplus', 'qplus', '比亚迪', 'sedan', 'phev', 10),
  (28, 9, '宋PLUS', 'songplus', 'splus', '比亚迪', 'suv', 'phev', 15),
  (29, 9, '海豚', 'haitun', 'ht', '比亚迪', 'hatchback', 'ev', 10),
  (30, 10, 'Model 3', 'model3', 'model3', '特斯拉中国', 'sedan', 'ev', 24),
  (31, 10, 'Model Y', 'modely', 'modely', '特斯拉中国', 'suv', 'ev', 26),
  (32, 11, '帝豪', 'dihao', 'dh', '吉利汽车', 'sedan', 'petrol', 7),
  (33, 11, '星越L', 'xingyuel', 'xyl', '吉利汽车', 'suv', 'petrol', 14),
  (34, 12, 'CS75 PLUS', 'cs75plus', 'cs75plus', '长安汽车', 'suv', 'petrol', 11),
  (35, 12, '逸动', 'yidong', 'yd', '长安汽车', 'sedan', 'petrol', 8),
  (36, 13, 'H6', 'h6', 'h6', '长城汽车', 'suv', 'petrol', 11),
  (37, 13, '大狗', 'dagou', 'dg', '长城汽车', 'suv', 'petrol', 13),
  (38, 14, 'L7', 'l7', 'l7', '理想汽车', 'suv', 'erev', 32),
  (39, 14, 'L9', 'l9', 'l9', '理想汽车', 'suv', 'erev', 43),
  (40, 15, 'ES6', 'es6', 'es6', '蔚来', 'suv', 'ev', 34),
  (41, 15, 'ET5', 'et5', 'et5', '蔚来', 'sedan', 'ev', 30),
  (42, 16, 'P7', 'p7', 'p7', '小鹏汽车', 'sedan', 'ev', 22),
  (43, 16, 'G6', 'g6', 'g6', '小鹏汽车', 'suv', 'ev', 20),
  (44, 17, '宏光MINIEV', 'hongguangminiev', 'hgminiev', '上汽通用五菱', 'hatchback', 'ev', 4),
  (45, 18, '科鲁泽', 'keluze', 'klz', '上汽通用雪佛兰', 'sedan', 'petrol', 9),
  (46, 19, '蒙迪欧', 'mengdiou', 'mdo', '长安福特', 'sedan', 'petrol', 18),
  (47, 19, '锐界', 'ruijie', 'rj', '长安福特', 'suv', 'petrol', 25),
  (48, 20, '阿特兹', 'atezi', 'atz', '一汽马自达', 'sedan', 'petrol', 17),
  (49, 20, 'CX-5', 'cx5', 'cx5', '长安马自达', 'suv', 'petrol', 17);

  insert into public.car_series (id, brand_id, name, name_pinyin, name_initials, maker, body_type)
  overriding system value
  select ord, brand_id, name, py, ini, maker, body from seed_series
  on conflict (id) do nothing;
  perform setval(pg_get_serial_sequence('public.car_series', 'id'), 1000);

  -- Models: model years 2021–2024 × two trims per series; vehicle and maintenance parameters by energy.
  insert into public.car_models (id, series_id, name, model_year, guide_price_fen, energy, gearbox, displacement_l, power_kw,
    battery_kwh, range_km, seats, drive, length_mm, width_mm, height_mm, wheelbase_mm, fuel_l_per_100km, vehicle_params,
    oil_grade, oil_capacity_l, service_interval_km, service_interval_months, tyre_size, maintenance_params)
  overriding system value
  select (s.ord - 1) * 8 + (y - 2021) * 2 + t,
    s.ord,
    y || '款 ' || case s.energy
      when 'ev' then (array['标准续航版', '长续航版'])[t]
      when 'phev' then (array['DM-i 55km 领先型', 'DM-i 110km 旗舰型'])[t]
      when 'erev' then (array['Pro', 'Max'])[t]
      when 'hybrid' then (array['双擎 2.0L 精英版', '双擎 2.5L 旗舰版'])[t]
      else (array['1.5T 舒适型', '2.0T 豪华型'])[t] end,
    y,
    ((s.base_wan * (1 + (t - 1) * 0.18) * (1 + (y - 2021) * 0.03)) * 1000000)::bigint,
    s.energy,
    case when s.energy in ('ev', 'erev') then 'single_speed' when s.energy = 'phev' then 'cvt'
         when s.brand_id in (1, 2, 3) then 'automatic' when s.brand_id = 4 then 'dct' else 'cvt' end::public.gearbox_type,
    case when s.energy = 'ev' then null when s.energy = 'erev' then 1.5 else (array[1.5, 2.0])[t] end,
    case when s.energy = 'ev' then 150 + t * 70 else 110 + t * 40 end + s.base_wan,
    case when s.energy in ('ev', 'erev', 'phev') then (array[18.3, 40.0, 60.5, 78.4])[case s.energy when 'phev' then 1 when 'erev' then 2 else 2 + t end] end,
    case when s.energy = 'ev' then 450 + t * 110 when s.energy = 'erev' then 1100 + t * 100 when s.energy = 'phev' then 1000 + t * 100 end,
    case when s.body = 'mpv' then 7 when s.ord in (61, 62) then 6 else 5 end,
    case when t = 2 and s.base_wan >= 25 then 'awd' when s.brand_id in (1, 2) then 'rwd' else 'fwd' end,
    4600 + s.base_wan * 12, 1830 + s.base_wan, case when s.body in ('suv', 'mpv') then 1700 else 1460 end, 2700 + s.base_wan * 5,
    case when s.energy = 'ev' then null when s.energy in ('phev', 'erev') then 1.2 else 5.8 + t * 1.2 end,
    jsonb_build_object('body', s.body, 'maker', s.maker, 'emission', '国VI'),
    case when s.energy = 'ev' then null when s.brand_id in (1, 2, 3, 4) then '0W-30' else '0W-20' end,
    case when s.energy = 'ev' then null else 4.0 + t * 0.5 end,
    case when s.energy = 'ev' then 20000 else 10000 end,
    case when s.energy = 'ev' then 24 else 12 end,
    (array['205/55 R16', '225/45 R18', '235/55 R19', '255/45 R20'])[least(4, 1 + s.base_wan / 12)],
    jsonb_build_object('brake_fluid_months', 24, 'coolant_km', 60000,
      'air_filter_km', 20000, 'spark_plug_km', case when s.energy = 'ev' then null else 60000 end)
  from seed_series s, generate_series(2021, 2024) as y, generate_series(1, 2) as t
  on conflict (id) do nothing;
end $$;
select setval(pg_get_serial_sequence('public.car_models', 'id'), 100000);

-- The first ranking rule (the computation comes in a later issue).
insert into public.ranking_rules (id, version, name, w_product_updates, w_update_frequency, w_rating, w_complaints,
  w_reservations, w_success_rate, w_penalties, level_thresholds, window_days, active, note)
overriding system value
values (1, 1, '默认规则 v1', 0.15, 0.10, 0.25, -0.15, 0.15, 0.20, -1.00, '{20,40,60,80}', 90, true, 'seeded default')
on conflict (id) do nothing;
select setval(pg_get_serial_sequence('public.ranking_rules', 'id'), 100);
