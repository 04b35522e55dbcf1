-- Merchant application machine (DOMAIN.md): draft → submitted → in_review (claimed) →
-- need_more_info → submitted (version + 1) | rejected (reason) → submitted | approved (plan).
create or replace function app.merchant_application_lock(p_id uuid, allowed public.merchant_application_state[], to_state text)
returns public.merchant_applications
language plpgsql
set search_path = ''
as $$
declare
  a public.merchant_applications;
begin
  select * into a from public.merchant_applications where id = p_id for update;
  if a.id is null then
    perform app.fail('not_found', 'no merchant application ' || p_id);
  end if;
  perform app.require_region(a.city_code);
  if not (a.state = any (allowed)) then
    perform app.illegal('merchant_application', a.state::text, to_state);
  end if;
  return a;
end;
$$;

create or replace function app.merchant_application_log(old public.merchant_applications, new public.merchant_applications,
  action text, reason_code text, note text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  insert into public.merchant_application_history (application_id, version, from_state, to_state, reason_code, note, field_comments, actor_id)
  values (new.id, new.version, old.state, new.state, reason_code, note, new.field_comments, (select auth.uid()));
  perform app.audit('merchant_application.' || action, 'merchant_application', new.id::text,
    to_jsonb(old) - '{contact_phone,legal_person_id_number,search,search_grams}'::text[],
    to_jsonb(new) - '{contact_phone,legal_person_id_number,search,search_grams}'::text[],
    concat_ws(': ', reason_code, note), new.city_code);
end;
$$;

-- The applicant (merchant app via the service key) or an admin on their behalf submits.
create or replace function public.merchant_application_submit(p_id uuid, p_note text default null)
returns public.merchant_applications
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.merchant_applications;
  new public.merchant_applications;
  next_version integer;
begin
  perform app.require_role(true, 'admin');
  old := app.merchant_application_lock(p_id, '{draft,need_more_info,rejected}', 'submitted');
  next_version := case when old.state = 'draft' then old.version else old.version + 1 end;
  if old.licence_no is null or not exists (select 1 from public.merchant_application_documents d
      where d.application_id = p_id and d.version <= next_version and d.doc_type = 'business_licence') then
    perform app.fail('documents_missing', 'business licence and unified social credit code are required');
  end if;
  if old.kind = 'rental' and not exists (select 1 from public.merchant_application_documents d
      where d.application_id = p_id and d.version <= next_version and d.doc_type = 'road_transport_permit') then
    perform app.fail('documents_missing', 'rental shops need a road transport permit');
  end if;
  update public.merchant_applications set state = 'submitted', version = next_version, submitted_at = now(),
    reviewer_id = null, claimed_at = null, updated_at = now()
  where id = p_id returning * into new;
  insert into public.merchant_application_versions (application_id, version, snapshot)
  values (p_id, next_version, to_jsonb(new) - '{search,search_grams}'::text[]
    || jsonb_build_object('documents', (select coalesce(jsonb_agg(to_jsonb(d) order by d.doc_type, d.version), '[]')
                                        from public.merchant_application_documents d
                                        where d.application_id = p_id and d.version <= next_version)))
  on conflict (application_id, version) do update set snapshot = excluded.snapshot, submitted_at = now();
  perform app.merchant_application_log(old, new, case when old.state = 'draft' then 'submit' else 'resubmit' end, null, p_note);
  return new;
end;
$$;

create or replace function public.merchant_application_claim(p_id uuid)
returns public.merchant_applications
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.merchant_applications;
  new public.merchant_applications;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  old := app.merchant_application_lock(p_id, '{submitted}', 'in_review');
  update public.merchant_applications set state = 'in_review', reviewer_id = (select auth.uid()), claimed_at = now(),
    updated_at = now()
  where id = p_id returning * into new;
  perform app.merchant_application_log(old, new, 'claim', null, null);
  return new;
end;
$$;

-- Only the reviewer who claimed it (or an admin) decides an application under review.
create or replace function app.merchant_application_decider(a public.merchant_applications)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if a.reviewer_id is distinct from (select auth.uid()) and not app.has_role('admin') then
    perform app.fail('not_permitted', 'application is claimed by another reviewer', '42501');
  end if;
end;
$$;

create or replace function public.merchant_application_request_info(p_id uuid, p_field_comments jsonb, p_note text default null)
returns public.merchant_applications
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.merchant_applications;
  new public.merchant_applications;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  old := app.merchant_application_lock(p_id, '{in_review}', 'need_more_info');
  perform app.merchant_application_decider(old);
  if p_field_comments is null or jsonb_typeof(p_field_comments) <> 'object' or p_field_comments = '{}' then
    perform app.fail('reason_required', 'field comments are required');
  end if;
  update public.merchant_applications set state = 'need_more_info', field_comments = p_field_comments, updated_at = now()
  where id = p_id returning * into new;
  perform app.merchant_application_log(old, new, 'request_info', 'need_more_info', p_note);
  return new;
end;
$$;

create or replace function public.merchant_application_reject(p_id uuid, p_reason_code text, p_note text default null)
returns public.merchant_applications
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.merchant_applications;
  new public.merchant_applications;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  perform app.require_reason(p_reason_code, p_note);
  old := app.merchant_application_lock(p_id, '{in_review}', 'rejected');
  perform app.merchant_application_decider(old);
  update public.merchant_applications set state = 'rejected', reject_reason = concat_ws(': ', p_reason_code, p_note),
    decided_at = now(), updated_at = now()
  where id = p_id returning * into new;
  perform app.merchant_application_log(old, new, 'reject', p_reason_code, p_note);
  return new;
end;
$$;

-- Approval creates the merchant (status approved: waiting for fee and deposit).
create or replace function public.merchant_application_approve(p_id uuid, p_fee_plan public.fee_plan,
  p_category_id integer default null, p_note text default null)
returns public.merchant_applications
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.merchant_applications;
  new public.merchant_applications;
  new_merchant uuid;
  category integer;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  if p_fee_plan is null then
    perform app.fail('invalid_input', 'a fee plan is required');
  end if;
  old := app.merchant_application_lock(p_id, '{in_review}', 'approved');
  perform app.merchant_application_decider(old);
  category := coalesce(p_category_id, old.category_id,
    (select c.id from public.merchant_categories c where c.code = old.kind::text and c.active));
  if category is null then
    perform app.fail('invalid_input', 'a merchant category is required');
  end if;
  insert into public.merchants (name, name_pinyin, name_initials, kind, category_id, city_code, address, lat, lng,
    status, contact_name, contact_phone, licence_no, licence_image_url, legal_person_name, legal_person_id_number,
    fee_plan, application_id, approved_at)
  values (old.company_name, old.company_name_pinyin, old.company_name_initials, old.kind, category, old.city_code,
    old.address, old.lat, old.lng, 'approved', old.contact_name, old.contact_phone, old.licence_no, old.licence_image_url,
    old.legal_person_name, old.legal_person_id_number, p_fee_plan, old.id, now())
  returning id into new_merchant;
  insert into public.merchant_status_history (merchant_id, from_status, to_status, reason_code, note, actor_id)
  values (new_merchant, null, 'approved', 'application_approved', p_note, (select auth.uid()));
  update public.merchant_applications set state = 'approved', fee_plan = p_fee_plan, category_id = category,
    merchant_id = new_merchant, decided_at = now(), updated_at = now()
  where id = p_id returning * into new;
  perform app.merchant_application_log(old, new, 'approve', null, p_note);
  return new;
end;
$$;

revoke execute on function public.merchant_application_submit(uuid, text), public.merchant_application_claim(uuid),
  public.merchant_application_request_info(uuid, jsonb, text), public.merchant_application_reject(uuid, text, text),
  public.merchant_application_approve(uuid, public.fee_plan, integer, text) from public, anon;
grant execute on function public.merchant_application_submit(uuid, text), public.merchant_application_claim(uuid),
  public.merchant_application_request_info(uuid, jsonb, text), public.merchant_application_reject(uuid, text, text),
  public.merchant_application_approve(uuid, public.fee_plan, integer, text) to authenticated, service_role;
