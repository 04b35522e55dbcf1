-- Storage: the buckets (merchant documents, complaint evidence, listing photos, statements)
-- and who may read and write their objects. Object names carry the record id so that
-- region-scoped staff see only their regions' files. An object stays in its bucket (a private
-- document never moves to the public one), and every read of a private object is audited
-- (storage_read_audit: a document view is a PII view).
set check_function_bodies = off;

-- Functions -----------------------------------------------------------------------------------

-- The record id an object's name carries in its second folder (merchants/<id>/licence.pdf), or
-- null: compared by uuid so the policies' lookups use the tables' primary keys.
create or replace function app.object_folder_id(p_name text)
returns uuid
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
declare
  f text := (storage.foldername(p_name))[2];
begin
  return case when pg_input_is_valid(f, 'uuid') then f::uuid end;
end;
$$;

-- The region of the record an object belongs to (the audit row's region), read as the owner.
create or replace function app.object_region(p_name text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case (storage.foldername(p_name))[1]
    when 'merchants' then (select m.city_code from public.merchants m where m.id = app.object_folder_id(p_name))
    when 'applications' then (select a.city_code from public.merchant_applications a where a.id = app.object_folder_id(p_name))
    when 'complaints' then (select c.city_code from public.complaints c where c.id = app.object_folder_id(p_name))
    when 'withdrawals' then (select w.city_code from public.withdrawals w where w.id = app.object_folder_id(p_name))
  end
$$;

-- An object stays in its bucket: a move to another bucket would take a private document to the
-- public one, where anyone reads it without a key (the update policies of both buckets would
-- each let it through). Copies are refused by the storage server (see 16's note below).
create or replace function app.object_stays_in_bucket()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.bucket_id is distinct from old.bucket_id then
    perform app.fail('not_permitted', 'an object cannot move to another bucket', '42501');
  end if;
  return new;
end;
$$;

-- A read of a private object, audited (storage.read: who, which object, how: a download, a
-- signed URL made, a signed URL used, and how long the URL lives). Runs as the caller, so the
-- object must be one the caller may read (row-level security on storage.objects): a reader who
-- is no longer active staff, or is outside the object's regions, is refused. The local storage
-- server calls it on every GET and signature of a private object, and for a signed URL again
-- as its signer when the URL is used (a signer deactivated since is refused there). Hosted
-- Storage cannot call it: there the panel calls it (RPC) before it opens or links a document.
create or replace function public.storage_read_audit(p_bucket text, p_name text, p_via text default 'download',
  p_expires_in integer default null)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  is_public boolean;
begin
  if not (app.is_service() or app.is_staff()) then
    perform app.fail('not_permitted', 'only active staff read private files', '42501');
  end if;
  if p_via is null or p_via not in ('download', 'signed_url_created', 'signed_url') then
    perform app.fail('invalid_input', 'via is download, signed_url_created or signed_url');
  end if;
  if p_expires_in < 0 then
    perform app.fail('invalid_input', 'expires_in is a number of seconds');
  end if;
  select b.public into is_public from storage.buckets b where b.id = p_bucket;
  if is_public is null or not exists (select 1 from storage.objects o where o.bucket_id = p_bucket and o.name = p_name) then
    perform app.fail('not_found', 'no such object, or not yours to read');
  end if;
  if is_public then
    return;
  end if;
  perform app.audit('storage.read', 'storage_object', p_bucket || '/' || p_name, null,
    jsonb_build_object('bucket', p_bucket, 'name', p_name, 'via', p_via, 'expires_in', p_expires_in), null,
    app.object_region(p_name));
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.object_folder_id(p_name text), app.object_region(p_name text), app.object_stays_in_bucket()
  from public, anon, authenticated, service_role;
grant execute on function app.object_folder_id(p_name text), app.object_region(p_name text), app.object_stays_in_bucket()
  to public, authenticated, service_role;
revoke all on function public.storage_read_audit(p_bucket text, p_name text, p_via text, p_expires_in integer)
  from public, anon, authenticated, service_role;
grant execute on function public.storage_read_audit(p_bucket text, p_name text, p_via text, p_expires_in integer)
  to authenticated, service_role;

-- Triggers ------------------------------------------------------------------------------------

create trigger objects_stay_in_bucket before update of bucket_id on storage.objects
  for each row execute function app.object_stays_in_bucket();

-- Row-level security --------------------------------------------------------------------------

-- Staff see the bucket list (GET /bucket); creating or changing buckets stays with service_role.
create policy storage_buckets_staff_read on storage.buckets for select to authenticated
  using ((select app.is_staff()));

-- merchant-documents: licences and qualifications. Every staff role reads merchant
-- applications; admin and reviewer add, replace and remove documents. The name is written
-- objects.name: inside `exists (select … from public.merchants m …)` a bare `name` is
-- merchants.name, and the check compared the merchant's own name with its id (a region-scoped
-- reviewer could open no merchant's documents).
create policy merchant_documents_read on storage.objects for select to authenticated
  using (
    bucket_id = 'merchant-documents'
    and (select app.is_staff())
    and ((select app.all_regions()) is distinct from false
         or ((storage.foldername(objects.name))[1] = 'applications'
             and exists (select 1 from public.merchant_applications a where a.id = app.object_folder_id(objects.name)))
         or ((storage.foldername(objects.name))[1] = 'merchants'
             and exists (select 1 from public.merchants m where m.id = app.object_folder_id(objects.name))))
  );

create policy merchant_documents_insert on storage.objects for insert to authenticated
  with check (
    bucket_id = 'merchant-documents'
    and (select app.has_role('admin', 'reviewer'))
    and ((select app.all_regions()) is distinct from false
         or ((storage.foldername(objects.name))[1] = 'applications'
             and exists (select 1 from public.merchant_applications a where a.id = app.object_folder_id(objects.name)))
         or ((storage.foldername(objects.name))[1] = 'merchants'
             and exists (select 1 from public.merchants m where m.id = app.object_folder_id(objects.name))))
  );

create policy merchant_documents_update on storage.objects for update to authenticated
  using (bucket_id = 'merchant-documents' and (select app.has_role('admin', 'reviewer')))
  with check (bucket_id = 'merchant-documents' and (select app.has_role('admin', 'reviewer')));

create policy merchant_documents_delete on storage.objects for delete to authenticated
  using (bucket_id = 'merchant-documents' and (select app.has_role('admin', 'reviewer')));

-- complaint-attachments: evidence. Every staff role reads complaints; customer service works
-- the queue and attaches evidence; only admin removes evidence.
create policy complaint_attachments_read on storage.objects for select to authenticated
  using (
    bucket_id = 'complaint-attachments'
    and (select app.is_staff())
    and ((select app.all_regions()) is distinct from false
         or ((storage.foldername(objects.name))[1] = 'complaints'
             and exists (select 1 from public.complaints c where c.id = app.object_folder_id(objects.name))))
  );

create policy complaint_attachments_insert on storage.objects for insert to authenticated
  with check (
    bucket_id = 'complaint-attachments'
    and (select app.has_role('admin', 'customer_service'))
    and ((select app.all_regions()) is distinct from false
         or ((storage.foldername(objects.name))[1] = 'complaints'
             and exists (select 1 from public.complaints c where c.id = app.object_folder_id(objects.name))))
  );

create policy complaint_attachments_update on storage.objects for update to authenticated
  using (bucket_id = 'complaint-attachments' and (select app.has_role('admin', 'customer_service')))
  with check (bucket_id = 'complaint-attachments' and (select app.has_role('admin', 'customer_service')));

create policy complaint_attachments_delete on storage.objects for delete to authenticated
  using (bucket_id = 'complaint-attachments' and (select app.has_role('admin')));

-- listing-photos: public bucket, so anyone downloads through /object/public/ without a
-- policy. Listing the bucket's objects is for staff only (no broad SELECT: splinter 0025);
-- admin and reviewer manage photos (review and delisting are theirs).
create policy listing_photos_staff_read on storage.objects for select to authenticated
  using (bucket_id = 'listing-photos' and (select app.is_staff()));

create policy listing_photos_insert on storage.objects for insert to authenticated
  with check (bucket_id = 'listing-photos' and (select app.has_role('admin', 'reviewer')));

create policy listing_photos_update on storage.objects for update to authenticated
  using (bucket_id = 'listing-photos' and (select app.has_role('admin', 'reviewer')))
  with check (bucket_id = 'listing-photos' and (select app.has_role('admin', 'reviewer')));

create policy listing_photos_delete on storage.objects for delete to authenticated
  using (bucket_id = 'listing-photos' and (select app.has_role('admin', 'reviewer')));

-- statements: channel statement CSVs as uploaded. Whole files hold every member's
-- transactions, so customer service (who reads only its own members' payments) gets none;
-- finance and admin upload and manage, analysts read.
create policy statements_read on storage.objects for select to authenticated
  using (bucket_id = 'statements' and (select app.has_role('admin', 'finance', 'analyst')));

create policy statements_insert on storage.objects for insert to authenticated
  with check (bucket_id = 'statements' and (select app.has_role('admin', 'finance')));

create policy statements_update on storage.objects for update to authenticated
  using (bucket_id = 'statements' and (select app.has_role('admin', 'finance')))
  with check (bucket_id = 'statements' and (select app.has_role('admin', 'finance')));

create policy statements_delete on storage.objects for delete to authenticated
  using (bucket_id = 'statements' and (select app.has_role('admin', 'finance')));

-- payout-proofs: the bank slip or e-banking receipt of a withdrawal paid by hand
-- (withdrawal_manual_paid keeps its path). Finance and admin upload; finance, admin and
-- analysts of the withdrawal's region read. Nobody replaces or removes a proof: it is evidence.
create policy payout_proofs_read on storage.objects for select to authenticated
  using (
    bucket_id = 'payout-proofs'
    and (select app.has_role('admin', 'finance', 'analyst'))
    and ((select app.all_regions())
         or ((storage.foldername(objects.name))[1] = 'withdrawals'
             and exists (select 1 from public.withdrawals w where w.id = app.object_folder_id(objects.name))))
  );

create policy payout_proofs_insert on storage.objects for insert to authenticated
  with check (
    bucket_id = 'payout-proofs'
    and (select app.has_role('admin', 'finance'))
    and (storage.foldername(objects.name))[1] = 'withdrawals'
    and exists (select 1 from public.withdrawals w where w.id = app.object_folder_id(objects.name))
  );

-- payment-proofs: transfer receipts of platform fees paid offline (线下缴费凭证), under
-- merchants/<merchant id>/. Finance and admin upload and read them within their regions; a
-- proof is evidence of a posted payment, so nobody replaces or removes it.
create policy payment_proofs_read on storage.objects for select to authenticated
  using (
    bucket_id = 'payment-proofs'
    and (select app.has_role('admin', 'finance'))
    and ((select app.all_regions())
         or ((storage.foldername(objects.name))[1] = 'merchants'
             and exists (select 1 from public.merchants m where m.id = app.object_folder_id(objects.name))))
  );

create policy payment_proofs_insert on storage.objects for insert to authenticated
  with check (
    bucket_id = 'payment-proofs'
    and (select app.has_role('admin', 'finance'))
    and (storage.foldername(objects.name))[1] = 'merchants'
    and exists (select 1 from public.merchants m where m.id = app.object_folder_id(objects.name))
  );

-- Reference data ------------------------------------------------------------------------------

-- Storage buckets and who may read and write their objects (docs/DOMAIN.md "Permissions").
-- Object names follow a folder convention so region-scoped staff see only their regions' files:
--   merchant-documents/applications/<merchant_applications.id>/<file>
--   merchant-documents/merchants/<merchants.id>/<file>
--   complaint-attachments/complaints/<complaints.id>/<file>
--   listing-photos/listings/<listings.id>/<file>          (public bucket: served without auth)
--   statements/<channel>/<yyyy-mm>/<file>.csv
--   payout-proofs/withdrawals/<withdrawals.id>/<file>
--   payment-proofs/merchants/<merchants.id>/<file>          (offline fee transfer receipts)
-- Other folders (e.g. the demo `samples/`) are reachable only by staff without a region scope.
-- The `exists (...)` checks run as the caller, so the tables' own RLS (region scope) applies.
-- Moves and copies stay within a bucket (a trigger refuses a move in SQL; the storage server
-- refuses both). Hosted Storage copies with an INSERT that SQL cannot tell from an upload, so
-- there the public bucket's insert policy is what keeps documents out of it.
-- Object names must be ASCII: hosted Storage rejects other keys (`Invalid key`).
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values
  ('merchant-documents', 'merchant-documents', false, 10 * 1024 * 1024,
   array['image/jpeg', 'image/png', 'image/webp', 'image/svg+xml', 'application/pdf']),
  ('complaint-attachments', 'complaint-attachments', false, 20 * 1024 * 1024,
   array['image/jpeg', 'image/png', 'image/webp', 'image/svg+xml', 'application/pdf', 'video/mp4']),
  ('listing-photos', 'listing-photos', true, 5 * 1024 * 1024,
   array['image/jpeg', 'image/png', 'image/webp', 'image/svg+xml']),
  ('payment-proofs', 'payment-proofs', false, 10 * 1024 * 1024,
   array['image/jpeg', 'image/png', 'image/webp', 'application/pdf']),
  ('statements', 'statements', false, 10 * 1024 * 1024,
   array['text/csv', 'text/plain', 'application/vnd.ms-excel',
         'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']),
  ('payout-proofs', 'payout-proofs', false, 10 * 1024 * 1024,
   array['image/jpeg', 'image/png', 'image/webp', 'application/pdf'])
on conflict (id) do update
  set public = excluded.public,
      file_size_limit = excluded.file_size_limit,
      allowed_mime_types = excluded.allowed_mime_types,
      updated_at = now();
