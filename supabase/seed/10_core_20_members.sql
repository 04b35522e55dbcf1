-- Core demo data 2/5: members (20,000 × app.seed_factor) with a referral tree several levels
-- deep, real-looking Chinese names with pinyin, phones, cities weighted towards big cities.
-- `supabase db push --include-seed` prepares every statement of a seed file before it runs
-- any, so a statement naming a temp table made earlier in the same file would not be found:
-- the temp tables are made and used inside one DO block (run, not prepared, statement by statement).
do $$
begin
  drop table if exists seed_surnames, seed_given, seed_cities;
  create temp table seed_surnames (i int primary key, name text, py text, ini text);
  create temp table seed_given (i int primary key, name text, py text, ini text);
  insert into seed_surnames values
  (1, '王', 'wang', 'w'),
  (2, '李', 'li', 'l'),
  (3, '张', 'zhang', 'z'),
  (4, '刘', 'liu', 'l'),
  (5, '陈', 'chen', 'c'),
  (6, '杨', 'yang', 'y'),
  (7, '黄', 'huang', 'h'),
  (8, '赵', 'zhao', 'z'),
  (9, '吴', 'wu', 'w'),
  (10, '周', 'zhou', 'z'),
  (11, '徐', 'xu', 'x'),
  (12, '孙', 'sun', 's'),
  (13, '马', 'ma', 'm'),
  (14, '朱', 'zhu', 'z'),
  (15, '胡', 'hu', 'h'),
  (16, '郭', 'guo', 'g'),
  (17, '何', 'he', 'h'),
  (18, '高', 'gao', 'g'),
  (19, '林', 'lin', 'l'),
  (20, '罗', 'luo', 'l'),
  (21, '郑', 'zheng', 'z'),
  (22, '梁', 'liang', 'l'),
  (23, '谢', 'xie', 'x'),
  (24, '宋', 'song', 's'),
  (25, '唐', 'tang', 't'),
  (26, '许', 'xu', 'x'),
  (27, '韩', 'han', 'h'),
  (28, '冯', 'feng', 'f'),
  (29, '邓', 'deng', 'd'),
  (30, '曹', 'cao', 'c'),
  (31, '彭', 'peng', 'p'),
  (32, '曾', 'zeng', 'z'),
  (33, '肖', 'xiao', 'x'),
  (34, '田', 'tian', 't'),
  (35, '董', 'dong', 'd'),
  (36, '袁', 'yuan', 'y'),
  (37, '潘', 'pan', 'p'),
  (38, '蒋', 'jiang', 'j'),
  (39, '蔡', 'cai', 'c'),
  (40, '余', 'yu', 'y')
  ;
  insert into seed_given values
  (1, '伟', 'wei', 'w'),
  (2, '芳', 'fang', 'f'),
  (3, '娜', 'na', 'n'),
  (4, '秀英', 'xiuying', 'xy'),
  (5, '敏', 'min', 'm'),
  (6, '静', 'jing', 'j'),
  (7, '丽', 'li', 'l'),
  (8, '强', 'qiang', 'q'),
  (9, '磊', 'lei', 'l'),
  (10, '军', 'jun', 'j'),
  (11, '洋', 'yang', 'y'),
  (12, '勇', 'yong', 'y'),
  (13, '艳', 'yan', 'y'),
  (14, '杰', 'jie', 'j'),
  (15, '娟', 'juan', 'j'),
  (16, '涛', 'tao', 't'),
  (17, '明', 'ming', 'm'),
  (18, '超', 'chao', 'c'),
  (19, '秀兰', 'xiulan', 'xl'),
  (20, '霞', 'xia', 'x'),
  (21, '平', 'ping', 'p'),
  (22, '刚', 'gang', 'g'),
  (23, '桂英', 'guiying', 'gy'),
  (24, '华', 'hua', 'h'),
  (25, '建国', 'jianguo', 'jg'),
  (26, '志红', 'zhihong', 'zh'),
  (27, '玉萍', 'yuping', 'yp'),
  (28, '文辉', 'wenhui', 'wh'),
  (29, '鹏飞', 'pengfei', 'pf'),
  (30, '宇', 'yu', 'y'),
  (31, '浩然', 'haoran', 'hr'),
  (32, '子轩', 'zixuan', 'zx'),
  (33, '梓涵', 'zihan', 'zh'),
  (34, '欣怡', 'xinyi', 'xy'),
  (35, '晨阳', 'chenyang', 'cy'),
  (36, '思雨', 'siyu', 'sy'),
  (37, '一诺', 'yinuo', 'yn'),
  (38, '俊杰', 'junjie', 'jj'),
  (39, '雨桐', 'yutong', 'yt'),
  (40, '佳琪', 'jiaqi', 'jq'),
  (41, '建华', 'jianhua', 'jh'),
  (42, '海燕', 'haiyan', 'hy'),
  (43, '晓东', 'xiaodong', 'xd'),
  (44, '丹', 'dan', 'd'),
  (45, '斌', 'bin', 'b'),
  (46, '宁', 'ning', 'n'),
  (47, '博文', 'bowen', 'bw'),
  (48, '诗涵', 'shihan', 'sh')
  ;
  create temp table seed_cities as
    select demo_rank as i, code, name, name_pinyin from public.regions where demo_rank is not null;
end $$;

do $$
declare
  n int := 20000 * greatest(1, coalesce(nullif(current_setting('app.seed_factor', true), ''), '1')::int);
begin
  if exists (select 1 from public.members) then
    raise notice 'members already seeded';
    return;
  end if;
  -- Each member after the first 300 is referred, with probability 0.7, by an earlier member
  -- (preferring recent ones), so the tree grows several levels deep. The path trigger looks
  -- the upline up row by row; here the paths are computed set-based (seq = g) and the trigger
  -- is off for the one insert (seed_unchecked, with the foreign keys checked set-based after).
  create temp table seed_up on commit drop as
    select g, case when g > 300 and pg_temp.rnd(g, 3) < 0.7
                   then greatest(1, g - 1 - floor(power(pg_temp.rnd(g, 4), 2) * (g - 1))::int) end as up
    from generate_series(1, n) g;
  create index on seed_up (up);
  create temp table seed_path on commit drop as
    with recursive t (g, path) as (
      select g, g::text from seed_up where up is null
      union all
      select c.g, t.path || '.' || c.g from seed_up c join t on c.up = t.g
    )
    select g, path::extensions.ltree as path from t;
  create index on seed_path (g);

  perform pg_temp.seed_unchecked(true);
  perform pg_temp.seed_drop_indexes('public.members');
  insert into public.members (id, seq, nickname, nickname_pinyin, nickname_initials, avatar_url, phone, real_name, id_number,
    city_code, level, status, status_reason, banned_at, points, has_promotion_rights, promotion_rights_at, upline_id, path,
    registered_at, updated_at)
  overriding system value
  select md5('member:' || g)::uuid, g,
    s.name || gv.name, s.py || gv.py, s.ini || gv.ini,
    null, -- no avatar pictures in the demo: the panel shows the nickname's first character
    (array['138', '139', '186', '135', '177', '150', '158', '131', '189', '152'])[1 + g % 10]
      || lpad(((g::bigint * 7919) % 100000000)::text, 8, '0'),
    case when g % 3 = 0 then s.name || gv.name end,
    case when g % 3 = 0 then c.code || (1965 + g % 40)::text || lpad((1 + g % 12)::text, 2, '0') || lpad((1 + g % 28)::text, 2, '0')
                              || lpad((g % 1000)::text, 3, '0') || (array['0','1','2','3','4','5','6','7','8','9','X'])[1 + g % 11] end,
    c.code,
    case when r1 < 0.55 then 'regular' when r1 < 0.80 then 'silver' when r1 < 0.93 then 'gold'
         when r1 < 0.985 then 'platinum' else 'diamond' end::public.member_level,
    case when g % 53 = 0 then 'banned' else 'active' end::public.member_status,
    case when g % 53 = 0 then 'fraud: 恶意刷单' end,
    case when g % 53 = 0 then reg + interval '20 days' end,
    (r2 * 5000)::int,
    g % 12 = 0 or g <= 300, case when g % 12 = 0 or g <= 300 then reg + interval '1 day' end,
    case when u.up is not null then md5('member:' || u.up)::uuid end,
    p.path,
    reg, reg
  from generate_series(1, n) as g
  join seed_up u using (g)
  join seed_path p using (g)
  cross join lateral (select pg_temp.rnd(g, 1) as r1, pg_temp.rnd(g, 2) as r2,
    now() - interval '365 days' + (g::double precision / n) * interval '360 days' + pg_temp.rnd(g, 5) * interval '4 days' as reg) x
  join seed_surnames s on s.i = 1 + (g * 7) % 40
  join seed_given gv on gv.i = 1 + (g * 13 + g / 40) % 48
  join seed_cities c on c.i = 1 + floor(power(pg_temp.rnd(g, 6), 1.6) * 30)::int
  order by g;
  perform pg_temp.seed_unchecked(false);
  perform pg_temp.seed_check_foreign_keys('public.members');
  perform pg_temp.seed_restore_indexes('public.members');
  perform setval(pg_get_serial_sequence('public.members', 'seq'), (select max(seq) from public.members));

  insert into public.member_actions (member_id, action, before, after, reason_code, note, actor_id, at)
  select m.id, 'ban', '{"status":"active"}', '{"status":"banned"}', 'fraud', '恶意刷单',
    '00000000-0000-4000-a000-000000000003', m.banned_at
  from public.members m where m.status = 'banned';
end $$;
