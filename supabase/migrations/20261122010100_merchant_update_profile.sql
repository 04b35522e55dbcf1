-- An admin corrects a merchant's profile (R-MER-2/3): the non-state columns only, through one
-- audited function. The direct column UPDATE grant of 20261121011400 wrote no audit row
-- (R-ACL-3: every change is audited), so it is withdrawn; status, category and rates keep
-- their own functions (merchant_suspend, merchant_set_commission …).
--
-- p_changes is a patch: only the keys present change, e.g.
--   {"address": "北京市朝阳区…", "contact_phone": "13912345678", "lat": 39.92, "lng": 116.44}
-- Text values are trimmed and a blank one clears the column (name cannot be cleared). The audit
-- row carries before and after of the changed columns only, with the phone masked.
create or replace function public.merchant_update_profile(p_id uuid, p_changes jsonb, p_reason text default null)
returns public.merchants
language plpgsql
security definer
set search_path = ''
as $$
declare
  editable constant text[] := '{name,name_pinyin,name_initials,address,lat,lng,contact_name,contact_phone,description,licence_image_url,legal_person_name}';
  unknown text[];
  changes jsonb;
  old public.merchants;
  patched public.merchants;
  new public.merchants;
  changed text[];
  before jsonb;
  after jsonb;
begin
  perform app.require_role(false, 'admin');
  if p_changes is null or jsonb_typeof(p_changes) <> 'object' or p_changes = '{}' then
    perform app.fail('invalid_input', 'no changes given');
  end if;
  select array_agg(k order by k) into unknown from jsonb_object_keys(p_changes) k where not (k = any (editable));
  if unknown is not null then
    perform app.fail('invalid_input', 'not editable here: ' || array_to_string(unknown, ', '));
  end if;
  if length(coalesce(p_reason, '')) > 500 then
    perform app.fail('invalid_input', 'the reason is longer than 500 characters');
  end if;

  select * into old from public.merchants where id = p_id for update;
  if old.id is null then
    perform app.fail('not_found', 'no merchant ' || p_id);
  end if;
  perform app.require_region(old.city_code);

  -- trimmed text; blank text becomes null
  select jsonb_object_agg(e.k, case when jsonb_typeof(e.v) = 'string'
                                    then coalesce(to_jsonb(nullif(btrim(e.v #>> '{}'), '')), 'null'::jsonb)
                                    else e.v end)
    into changes from jsonb_each(p_changes) e (k, v);
  begin
    patched := jsonb_populate_record(old, changes);
  exception when data_exception then -- e.g. "lat": "north"
    perform app.fail('invalid_input', sqlerrm);
  end;

  if patched.name is null or char_length(patched.name) not between 2 and 80 then
    perform app.fail('invalid_input', 'the name must be 2 to 80 characters');
  end if;
  if changes ? 'contact_phone' and patched.contact_phone is not null and patched.contact_phone !~ '^1[3-9][0-9]{9}$' then
    perform app.fail('invalid_input', 'the contact phone must be an 11-digit mobile number');
  end if;
  if (patched.lat is null) <> (patched.lng is null) then
    perform app.fail('invalid_input', 'latitude and longitude go together');
  end if;
  if patched.lat not between -90 and 90 or patched.lng not between -180 and 180 then
    perform app.fail('invalid_input', 'coordinates out of range');
  end if;

  select array_agg(k order by k) into changed from unnest(editable) k
   where to_jsonb(old) -> k is distinct from to_jsonb(patched) -> k;
  if changed is null then
    return old; -- nothing differs: no write, no audit row
  end if;

  update public.merchants set
    name = patched.name, name_pinyin = patched.name_pinyin, name_initials = patched.name_initials,
    address = patched.address, lat = patched.lat, lng = patched.lng,
    contact_name = patched.contact_name, contact_phone = patched.contact_phone, description = patched.description,
    licence_image_url = patched.licence_image_url, legal_person_name = patched.legal_person_name,
    updated_at = now()
  where id = p_id returning * into new;

  -- the phone is PII: the audit log keeps its masked form
  select jsonb_object_agg(k, case when k = 'contact_phone' then to_jsonb(old.contact_phone_masked) else to_jsonb(old) -> k end),
         jsonb_object_agg(k, case when k = 'contact_phone' then to_jsonb(new.contact_phone_masked) else to_jsonb(new) -> k end)
    into before, after from unnest(changed) k;
  perform app.audit('merchant.update_profile', 'merchant', p_id::text, before, after,
    nullif(btrim(coalesce(p_reason, '')), ''), new.city_code);
  return new;
end;
$$;

revoke execute on function public.merchant_update_profile(uuid, jsonb, text) from public, anon;
grant execute on function public.merchant_update_profile(uuid, jsonb, text) to authenticated, service_role;

-- Nobody writes merchants directly any more: every column goes through an audited function.
revoke update (name, name_pinyin, name_initials, address, lat, lng, contact_name, contact_phone, description,
  licence_image_url, legal_person_name, updated_at) on public.merchants from authenticated;
revoke update on public.merchants from authenticated;
drop policy if exists merchants_admin_update on public.merchants;
