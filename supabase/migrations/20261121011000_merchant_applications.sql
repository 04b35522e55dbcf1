-- Merchant onboarding applications (入驻审核) with documents per version and review history.
create type public.merchant_application_state as enum ('draft', 'submitted', 'in_review', 'need_more_info', 'rejected', 'approved');
create type public.merchant_document_type as enum (
  'business_licence', 'road_transport_permit', 'dealer_authorisation', 'legal_person_id', 'shop_photo', 'other');

create table public.merchant_applications (
  id uuid primary key default extensions.gen_random_uuid(),
  company_name text not null check (char_length(btrim(company_name)) between 2 and 80),
  company_name_pinyin text,
  company_name_initials text,
  kind public.merchant_kind not null,
  category_id integer references public.merchant_categories (id),
  city_code text not null references public.regions (code),
  address text not null,
  lat numeric(9, 6) check (lat between -90 and 90),
  lng numeric(9, 6) check (lng between -180 and 180),
  contact_name text not null,
  contact_phone text not null check (contact_phone ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'),
  contact_phone_masked text generated always as (app.mask(contact_phone, 'phone')) stored,
  licence_no text check (licence_no ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  licence_image_url text,
  legal_person_name text,
  legal_person_id_number text check (legal_person_id_number ~ '^[0-9]{17}[0-9X]$'),
  state public.merchant_application_state not null default 'draft',
  version integer not null default 1 check (version > 0),
  reviewer_id uuid references public.staff (id),
  claimed_at timestamptz,
  -- reviewer's comments per field when more information is needed
  field_comments jsonb,
  reject_reason text,
  fee_plan public.fee_plan,
  merchant_id uuid unique references public.merchants (id),
  submitted_at timestamptz,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search text generated always as (app.search_text(company_name, company_name_pinyin, company_name_initials, contact_name, right(contact_phone, 4))) stored,
  search_grams text[] generated always as (app.search_grams(app.search_text(company_name, company_name_pinyin, company_name_initials, contact_name, right(contact_phone, 4)))) stored,
  constraint merchant_applications_claim check (state <> 'in_review' or reviewer_id is not null),
  constraint merchant_applications_reject check (state <> 'rejected' or reject_reason is not null),
  constraint merchant_applications_approve check (state <> 'approved' or (merchant_id is not null and fee_plan is not null))
);
comment on table public.merchant_applications is '入驻申请: draft → submitted → in_review → approved | rejected | need_more_info';
create index merchant_applications_queue_idx on public.merchant_applications (state, submitted_at);
create index merchant_applications_city_idx on public.merchant_applications (city_code, created_at desc);
create index merchant_applications_reviewer_idx on public.merchant_applications (reviewer_id);
create index merchant_applications_category_idx on public.merchant_applications (category_id);
create index merchant_applications_search_trgm on public.merchant_applications using gin (search extensions.gin_trgm_ops);
create index merchant_applications_search_grams on public.merchant_applications using gin (search_grams);

alter table public.merchants
  add constraint merchants_application_fk foreign key (application_id) references public.merchant_applications (id);
create index merchants_application_idx on public.merchants (application_id);

create table public.merchant_application_documents (
  id uuid primary key default extensions.gen_random_uuid(),
  application_id uuid not null references public.merchant_applications (id),
  version integer not null,
  doc_type public.merchant_document_type not null,
  file_url text not null,
  doc_number text,
  valid_until date,
  created_at timestamptz not null default now()
);
create index merchant_application_documents_app_idx on public.merchant_application_documents (application_id, version);

-- What was submitted at each version, as it was then.
create table public.merchant_application_versions (
  application_id uuid not null references public.merchant_applications (id),
  version integer not null,
  snapshot jsonb not null,
  submitted_at timestamptz not null default now(),
  primary key (application_id, version)
);

create table public.merchant_application_history (
  id bigint generated always as identity primary key,
  application_id uuid not null references public.merchant_applications (id),
  version integer not null,
  from_state public.merchant_application_state,
  to_state public.merchant_application_state not null,
  reason_code text,
  note text,
  field_comments jsonb,
  actor_id uuid,
  at timestamptz not null default now()
);
create index merchant_application_history_app_idx on public.merchant_application_history (application_id, at desc);

alter table public.merchant_applications enable row level security;
alter table public.merchant_application_documents enable row level security;
alter table public.merchant_application_versions enable row level security;
alter table public.merchant_application_history enable row level security;
