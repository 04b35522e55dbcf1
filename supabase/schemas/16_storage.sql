-- Storage: the buckets (merchant documents, complaint evidence, listing photos, statements)
-- and who may read and write their objects. Object names carry the record id so that
-- region-scoped staff see only their regions' files.
set check_function_bodies = off;

-- Row-level security --------------------------------------------------------------------------

-- Staff see the bucket list (GET /bucket); creating or changing buckets stays with service_role.
create policy storage_buckets_staff_read on storage.buckets for select to authenticated
  using ((select app.is_staff()));

-- merchant-documents: licences and qualifications. Every staff role reads merchant
-- applications; admin and reviewer add, replace and remove documents.
create policy merchant_documents_read on storage.objects for select to authenticated
  using (
    bucket_id = 'merchant-documents'
    and (select app.is_staff())
    and ((select app.all_regions())
         or ((storage.foldername(name))[1] = 'applications'
             and exists (select 1 from public.merchant_applications a where a.id::text = (storage.foldername(name))[2]))
         or ((storage.foldername(name))[1] = 'merchants'
             and exists (select 1 from public.merchants m where m.id::text = (storage.foldername(name))[2])))
  );

create policy merchant_documents_insert on storage.objects for insert to authenticated
  with check (
    bucket_id = 'merchant-documents'
    and (select app.has_role('admin', 'reviewer'))
    and ((select app.all_regions())
         or ((storage.foldername(name))[1] = 'applications'
             and exists (select 1 from public.merchant_applications a where a.id::text = (storage.foldername(name))[2]))
         or ((storage.foldername(name))[1] = 'merchants'
             and exists (select 1 from public.merchants m where m.id::text = (storage.foldername(name))[2])))
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
    and ((select app.all_regions())
         or ((storage.foldername(name))[1] = 'complaints'
             and exists (select 1 from public.complaints c where c.id::text = (storage.foldername(name))[2])))
  );

create policy complaint_attachments_insert on storage.objects for insert to authenticated
  with check (
    bucket_id = 'complaint-attachments'
    and (select app.has_role('admin', 'customer_service'))
    and ((select app.all_regions())
         or ((storage.foldername(name))[1] = 'complaints'
             and exists (select 1 from public.complaints c where c.id::text = (storage.foldername(name))[2])))
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

-- Reference data ------------------------------------------------------------------------------

-- Storage buckets and who may read and write their objects (docs/DOMAIN.md "Permissions").
-- Object names follow a folder convention so region-scoped staff see only their regions' files:
--   merchant-documents/applications/<merchant_applications.id>/<file>
--   merchant-documents/merchants/<merchants.id>/<file>
--   complaint-attachments/complaints/<complaints.id>/<file>
--   listing-photos/listings/<listings.id>/<file>          (public bucket: served without auth)
--   statements/<channel>/<yyyy-mm>/<file>.csv
-- Other folders (e.g. the demo `samples/`) are reachable only by staff without a region scope.
-- The `exists (...)` checks run as the caller, so the tables' own RLS (region scope) applies.
-- Object names must be ASCII: hosted Storage rejects other keys (`Invalid key`).
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values
  ('merchant-documents', 'merchant-documents', false, 10 * 1024 * 1024,
   array['image/jpeg', 'image/png', 'image/webp', 'image/svg+xml', 'application/pdf']),
  ('complaint-attachments', 'complaint-attachments', false, 20 * 1024 * 1024,
   array['image/jpeg', 'image/png', 'image/webp', 'image/svg+xml', 'application/pdf', 'video/mp4']),
  ('listing-photos', 'listing-photos', true, 5 * 1024 * 1024,
   array['image/jpeg', 'image/png', 'image/webp', 'image/svg+xml']),
  ('statements', 'statements', false, 10 * 1024 * 1024,
   array['text/csv', 'text/plain', 'application/vnd.ms-excel',
         'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'])
on conflict (id) do update
  set public = excluded.public,
      file_size_limit = excluded.file_size_limit,
      allowed_mime_types = excluded.allowed_mime_types,
      updated_at = now();
