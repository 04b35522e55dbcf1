-- PII columns are not readable by `authenticated` (column privileges). The v_* views call
-- these accessors, which return the full value only to roles with PII rights
-- (app.can_see_pii) and a masked value to everyone else.
create or replace function app.mask_name(value text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case when value is null then null
              when char_length(value) <= 1 then '*'
              else left(value, 1) || repeat('*', char_length(value) - 1) end
$$;

create or replace function app.member_pii(p_id uuid, p_field text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case
    when app.can_see_pii('person') then
      case p_field when 'phone' then m.phone when 'id_number' then m.id_number when 'real_name' then m.real_name end
    else
      case p_field when 'phone' then m.phone_masked when 'id_number' then m.id_number_masked
                   when 'real_name' then app.mask_name(m.real_name) end
  end
  from public.members m where m.id = p_id
$$;

create or replace function app.merchant_pii(p_id uuid, p_field text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case
    when app.can_see_pii('person') then
      case p_field when 'contact_phone' then m.contact_phone when 'legal_person_id_number' then m.legal_person_id_number end
    else
      case p_field when 'contact_phone' then m.contact_phone_masked
                   when 'legal_person_id_number' then app.mask(m.legal_person_id_number, 'id') end
  end
  from public.merchants m where m.id = p_id
$$;

create or replace function app.merchant_application_pii(p_id uuid, p_field text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case
    when app.can_see_pii('person') then
      case p_field when 'contact_phone' then a.contact_phone when 'legal_person_id_number' then a.legal_person_id_number end
    else
      case p_field when 'contact_phone' then a.contact_phone_masked
                   when 'legal_person_id_number' then app.mask(a.legal_person_id_number, 'id') end
  end
  from public.merchant_applications a where a.id = p_id
$$;

grant execute on function app.mask_name(text), app.member_pii(uuid, text), app.merchant_pii(uuid, text),
  app.merchant_application_pii(uuid, text) to authenticated, service_role;
