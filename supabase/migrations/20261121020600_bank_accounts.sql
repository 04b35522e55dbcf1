-- Payee bank accounts. The number is stored encrypted (pgp_sym_encrypt with a key kept in a
-- private table no API role can read; on hosted Supabase move the key to Vault) plus its last
-- four digits; nobody reads the column directly, finance and admin reveal it through an
-- audited RPC, everyone else sees '**** 1234'.
create table app.money_secrets (
  name text primary key,
  value text not null
);
revoke all on app.money_secrets from public, anon, authenticated, service_role;
insert into app.money_secrets (name, value)
values ('bank_account_key', encode(extensions.gen_random_bytes(32), 'hex'));

create or replace function app.bank_key()
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select value from app.money_secrets where name = 'bank_account_key'
$$;

create or replace function app.encrypt_account_no(p_no text)
returns bytea
language sql
volatile
security definer
set search_path = ''
as $$
  select extensions.pgp_sym_encrypt(p_no, app.bank_key())
$$;

create or replace function app.decrypt_account_no(p_enc bytea)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select extensions.pgp_sym_decrypt(p_enc, app.bank_key())
$$;

create table public.bank_accounts (
  id uuid primary key default extensions.gen_random_uuid(),
  owner_type public.money_owner_type not null check (owner_type in ('merchant', 'member')),
  owner_id uuid not null,
  holder_name text not null check (char_length(btrim(holder_name)) between 1 and 60),
  bank_name text not null check (char_length(btrim(bank_name)) between 2 and 60),
  branch_name text,
  account_no_enc bytea not null,
  account_last4 text not null check (account_last4 ~ '^[0-9]{4}$'),
  -- keyed hash: finds a duplicate without decrypting
  account_hash text not null,
  verified boolean not null default false,
  verified_at timestamptz,
  verified_by uuid,
  active boolean not null default true,
  city_code text,
  created_at timestamptz not null default now(),
  constraint bank_accounts_once unique (owner_type, owner_id, account_hash),
  constraint bank_accounts_verified check (not verified or verified_at is not null)
);
comment on table public.bank_accounts is '收款账户: number encrypted; masked everywhere except the audited reveal RPC';
create index bank_accounts_owner_idx on public.bank_accounts (owner_id);

-- Registers a payee account (the merchant/member app backend with the service key, or
-- finance on the applicant's behalf). Starts unverified.
create or replace function public.bank_account_add(
  p_owner_type public.money_owner_type,
  p_owner_id uuid,
  p_holder_name text,
  p_bank_name text,
  p_account_no text,
  p_branch_name text default null
)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  no text := regexp_replace(coalesce(p_account_no, ''), '\s', '', 'g');
  city text;
  new_id uuid;
  h text;
begin
  if not app.money_actor('admin', 'finance') then
    perform app.fail('not_permitted', 'bank accounts are added by finance or the app backend', '42501');
  end if;
  if no !~ '^[0-9]{12,30}$' then
    perform app.fail('invalid_input', 'account number must be 12 to 30 digits');
  end if;
  if p_owner_type = 'merchant' then
    select m.city_code into city from public.merchants m where m.id = p_owner_id;
  elsif p_owner_type = 'member' then
    select m.city_code into city from public.members m where m.id = p_owner_id;
  else
    perform app.fail('invalid_input', 'owner must be a merchant or a member');
  end if;
  if not found then
    perform app.fail('not_found', format('no %s %s', p_owner_type, p_owner_id));
  end if;
  h := encode(extensions.hmac(no, app.bank_key(), 'sha256'), 'hex');
  insert into public.bank_accounts (owner_type, owner_id, holder_name, bank_name, branch_name, account_no_enc,
    account_last4, account_hash, city_code)
  values (p_owner_type, p_owner_id, btrim(p_holder_name), btrim(p_bank_name), p_branch_name, app.encrypt_account_no(no),
    right(no, 4), h, city)
  on conflict on constraint bank_accounts_once do update set active = true
  returning id into new_id;
  perform app.audit('bank_account.add', 'bank_account', new_id::text, null,
    jsonb_build_object('owner_type', p_owner_type, 'owner_id', p_owner_id, 'bank', p_bank_name, 'last4', right(no, 4)),
    null, city);
  return new_id;
end;
$$;

-- Finance marks an account verified (or not) after checking it against the licence / ID.
create or replace function public.bank_account_verify(p_id uuid, p_verified boolean default true, p_reason text default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.bank_accounts;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance verifies bank accounts', '42501');
  end if;
  select * into old from public.bank_accounts where id = p_id for update;
  if not found then
    perform app.fail('not_found', 'no bank account ' || p_id);
  end if;
  if not p_verified then
    perform app.require_reason(null, p_reason);
  end if;
  update public.bank_accounts
     set verified = p_verified, verified_at = case when p_verified then now() end,
         verified_by = case when p_verified then (select auth.uid()) end
   where id = p_id;
  perform app.audit(case when p_verified then 'bank_account.verify' else 'bank_account.unverify' end,
    'bank_account', p_id::text, jsonb_build_object('verified', old.verified), jsonb_build_object('verified', p_verified),
    p_reason, old.city_code);
end;
$$;

-- The full number, for finance paying by hand; every reveal is audited.
create or replace function public.bank_account_reveal(p_id uuid)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  acc public.bank_accounts;
begin
  if not app.can_see_pii('bank') then
    perform app.fail('not_permitted', 'only finance and admin see bank account numbers', '42501');
  end if;
  select * into acc from public.bank_accounts where id = p_id;
  if not found then
    perform app.fail('not_found', 'no bank account ' || p_id);
  end if;
  perform app.audit('bank_account.reveal', 'bank_account', p_id::text, null, null, null, acc.city_code);
  return app.decrypt_account_no(acc.account_no_enc);
end;
$$;

alter table public.bank_accounts enable row level security;
revoke all on public.bank_accounts from anon, authenticated;
-- column privileges: the ciphertext and hash are never selectable through the API
grant select (id, owner_type, owner_id, holder_name, bank_name, branch_name, account_last4, verified, verified_at,
  verified_by, active, city_code, created_at) on public.bank_accounts to authenticated;
create policy bank_accounts_read on public.bank_accounts for select to authenticated
  using ((select app.has_role('admin', 'finance', 'analyst'))
         and ((select app.all_regions()) or app.in_region(city_code)));

revoke execute on function public.bank_account_add(public.money_owner_type, uuid, text, text, text, text),
  public.bank_account_verify(uuid, boolean, text), public.bank_account_reveal(uuid) from public, anon;
grant execute on function public.bank_account_add(public.money_owner_type, uuid, text, text, text, text),
  public.bank_account_verify(uuid, boolean, text), public.bank_account_reveal(uuid) to authenticated, service_role;
