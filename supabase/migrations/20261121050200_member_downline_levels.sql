-- R-MEM-2: how deep a member's referral downline goes, as one count per level below them,
-- on the ltree GiST index. security invoker: region-scoped staff count the members they see.
create or replace function public.member_downline_levels(p_member uuid, p_max_depth integer default 20)
returns table (level integer, member_count bigint)
language sql
stable
security invoker
set search_path = ''
as $$
  select (m.depth - root.depth)::integer as level, count(*)::bigint as member_count
  from public.members root
  join public.members m on m.path operator(extensions.<@) root.path and m.id <> root.id
  where root.id = p_member
    and m.depth <= root.depth + least(greatest(coalesce(p_max_depth, 20), 1), 50)
  group by m.depth - root.depth
  order by 1
$$;
revoke execute on function public.member_downline_levels(uuid, integer) from public, anon;
grant execute on function public.member_downline_levels(uuid, integer) to authenticated, service_role;
