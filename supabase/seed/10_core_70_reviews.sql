-- Core demo data: member reviews of merchants (about 4,000 × app.seed_factor), one for about a
-- third of the reservations that were completed (visited, deal, returned, settled, no deal after
-- the visit), written a few hours to days after it. Mostly 4–5 stars, some low ones, and about
-- one in 50 an obvious spam or bought review (contact details, 刷单 wording); a third of those
-- already hidden by the reviewer. Ends by computing every merchant's rating from them.
do $$
declare
  f int := greatest(1, coalesce(nullif(current_setting('app.seed_factor', true), ''), '1')::int);
  reviewer uuid := '00000000-0000-4000-a000-000000000002';
begin
  if exists (select 1 from public.merchant_reviews) then
    raise notice 'reviews already seeded';
    return;
  end if;
  insert into public.merchant_reviews (id, member_id, merchant_id, city_code, reservation_id, stars, body, created_at,
    visibility, hidden_reason, hidden_note, hidden_by, hidden_at)
  select md5('review:' || x.g)::uuid, x.member_id, x.merchant_id, x.city_code, x.id, x.stars, x.body, x.created,
    case when x.spam and x.g % 3 = 0 then 'hidden' else 'visible' end,
    case when x.spam and x.g % 3 = 0 then case when x.g % 2 = 0 then 'spam' else 'fake' end end,
    case when x.spam and x.g % 3 = 0 then '广告引流，已核实' end,
    case when x.spam and x.g % 3 = 0 then reviewer end,
    case when x.spam and x.g % 3 = 0 then x.created + interval '1 day' end
  from (
    select r.g, r.id, r.member_id, r.merchant_id, r.city_code, r.created, r.spam,
      case when r.spam then 5 else s.stars end as stars,
      case when r.spam then (array[
          '好评！加微信 car8899 领 200 元返现，低价代办车贷，秒批！',
          '五星好评返现，联系 QQ 1234567 刷单兼职日结',
          '这家店超级好超级好超级好，全网最低价，详情私信 vx:che_deal88',
          '朋友介绍来的，必须五星！！！好好好好好好好好好好',
          '专业代办过户、上牌、贷款，包过，电话 13800001111'])[1 + r.g % 5]
        when s.stars >= 4 then (array[
          '车况和描述一致，销售很耐心，手续办得很快。',
          '第二次在这家买车了，价格透明，没有乱加费用。',
          '试驾安排得很顺利，检测报告也给得很清楚，推荐。',
          '店面干净，顾问小王讲解很专业，整体体验不错。',
          '租车取还都很方便，车辆干净，押金退得也快。',
          '价格比别家实在，售后回访也很及时。',
          '看车前发了很多细节照片，到店和照片一样，放心。'])[1 + r.g % 7]
        when s.stars = 3 then (array[
          '车还可以，就是等待时间有点长。',
          '整体一般，过户手续拖了几天。',
          '价格略贵，服务还算可以。'])[1 + r.g % 3]
        else (array[
          '到店后说车已经卖了，让我看另一台更贵的，体验很差。',
          '销售态度冷淡，问问题爱答不理。',
          '租车还车时被额外扣了清洁费，事先没说。',
          '车况描述有出入，底盘有明显刮痕。'])[1 + r.g % 4] end as body
    from (
      select row_number() over (order by x.state_changed_at, x.id) as g, x.id, x.member_id, x.merchant_id, x.city_code,
        least(x.state_changed_at + (2 + (abs(hashtext(x.id::text)) % 96)) * interval '1 hour', now() - interval '10 minutes') as created,
        abs(hashtext('spam:' || x.id::text)) % 50 = 0 as spam
      from public.reservations x
      where x.state in ('visited', 'no_deal', 'deal_closed', 'returned', 'settled')
        and abs(hashtext('review:' || x.id::text)) % 3 = 0
    ) r
    cross join lateral (
      select case when h < 55 then 5 when h < 80 then 4 when h < 90 then 3 when h < 95 then 2 else 1 end as stars
      from (select abs(hashtext('stars:' || r.id::text)) % 100 as h) hh
    ) s
    where r.g <= 4000 * f
  ) x;
  perform app.merchant_rating_refresh(null);
end;
$$;
