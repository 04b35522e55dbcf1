-- Demo data for the local stack (`npm start`, `npm run db:reset`). Deterministic.
-- The five demo logins, one per staff role, all with password demo1234 (local only).
insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  confirmation_token, recovery_token, email_change_token_new, email_change)
select '00000000-0000-0000-0000-000000000000', d.id, 'authenticated', 'authenticated', d.email,
  extensions.crypt('demo1234', extensions.gen_salt('bf', 10)), now(),
  '{"provider":"email","providers":["email"]}', jsonb_build_object('display_name', d.name, 'email_verified', true),
  now(), now(), '', '', '', ''
from (values
  ('00000000-0000-4000-a000-000000000001'::uuid, 'admin@demo.test', '王建国'),
  ('00000000-0000-4000-a000-000000000002'::uuid, 'reviewer@demo.test', '李审'),
  ('00000000-0000-4000-a000-000000000003'::uuid, 'service@demo.test', '张晓梅'),
  ('00000000-0000-4000-a000-000000000004'::uuid, 'finance@demo.test', '陈会计'),
  ('00000000-0000-4000-a000-000000000005'::uuid, 'analyst@demo.test', '刘数据')
) as d (id, email, name)
on conflict (id) do nothing;

insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true), 'email', now(), now()
from auth.users u where u.email like '%@demo.test'
on conflict (provider_id, provider) do nothing;

insert into public.staff (id, email, display_name, role, region_codes, phone)
values
  ('00000000-0000-4000-a000-000000000001', 'admin@demo.test', '王建国', 'admin', '{}', '13800010001'),
  ('00000000-0000-4000-a000-000000000002', 'reviewer@demo.test', '李审', 'reviewer', '{}', '13800010002'),
  ('00000000-0000-4000-a000-000000000003', 'service@demo.test', '张晓梅', 'customer_service', '{}', '13800010003'),
  ('00000000-0000-4000-a000-000000000004', 'finance@demo.test', '陈会计', 'finance', '{}', '13800010004'),
  ('00000000-0000-4000-a000-000000000005', 'analyst@demo.test', '刘数据', 'analyst', '{}', '13800010005')
on conflict (id) do nothing;

-- The demo logins have no authenticator app: the local demo asks no one for a second factor.
-- A real deployment keeps the default (admin and finance must use one); see the README.
update public.core_settings set mfa_required_roles = '{}';
