-- Complaints (投诉) with messages, deadlines and merchant penalties (降权).
create type public.complaint_category as enum ('attitude', 'quality', 'price', 'fraud', 'other');
create type public.complaint_severity as enum ('low', 'medium', 'high');
create type public.complaint_state as enum (
  'submitted', 'accepted', 'dismissed', 'awaiting_merchant', 'mediating', 'escalated', 'resolved', 'closed', 'withdrawn');
create type public.complaint_outcome as enum ('upheld', 'partly_upheld', 'not_upheld');

create table public.complaints (
  id uuid primary key default extensions.gen_random_uuid(),
  member_id uuid not null references public.members (id),
  merchant_id uuid not null references public.merchants (id),
  reservation_id uuid references public.reservations (id),
  trade_id uuid references public.trades (id),
  city_code text not null references public.regions (code),
  category public.complaint_category not null,
  severity public.complaint_severity not null default 'medium',
  title text not null check (char_length(btrim(title)) between 2 and 120),
  content text not null,
  images text[] not null default '{}',
  state public.complaint_state not null default 'submitted',
  assignee_id uuid references public.staff (id),
  assigned_at timestamptz,
  first_response_due_at timestamptz not null,
  first_responded_at timestamptz,
  merchant_reply_due_at timestamptz,
  merchant_no_response boolean not null default false,
  resolution_due_at timestamptz not null,
  outcome public.complaint_outcome,
  remedy text,
  state_reason text,
  resolved_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  state_changed_at timestamptz not null default now(),
  constraint complaints_resolution check (state not in ('resolved', 'closed') or outcome is not null)
);
comment on table public.complaints is '投诉: queue with deadlines; state per DOMAIN.md';
create index complaints_merchant_idx on public.complaints (merchant_id, created_at desc);
create index complaints_member_idx on public.complaints (member_id);
create index complaints_reservation_idx on public.complaints (reservation_id) where reservation_id is not null;
create index complaints_trade_idx on public.complaints (trade_id) where trade_id is not null;
create index complaints_assignee_idx on public.complaints (assignee_id, state);
create index complaints_city_idx on public.complaints (city_code, created_at desc);
create index complaints_queue_idx on public.complaints (state, resolution_due_at)
  where state not in ('dismissed', 'resolved', 'closed', 'withdrawn');
create index complaints_created_idx on public.complaints (created_at desc);

create type public.complaint_message_kind as enum ('reply', 'internal_note');
create table public.complaint_messages (
  id bigint generated always as identity primary key,
  complaint_id uuid not null references public.complaints (id),
  kind public.complaint_message_kind not null,
  author_kind text not null check (author_kind in ('staff', 'member', 'merchant')),
  author_staff_id uuid references public.staff (id),
  body text not null check (char_length(btrim(body)) between 1 and 4000),
  attachments text[] not null default '{}',
  created_at timestamptz not null default now(),
  constraint complaint_messages_author check ((author_kind = 'staff') = (author_staff_id is not null)),
  constraint complaint_messages_notes_by_staff check (kind = 'reply' or author_kind = 'staff')
);
create index complaint_messages_complaint_idx on public.complaint_messages (complaint_id, created_at);

create table public.complaint_history (
  id bigint generated always as identity primary key,
  complaint_id uuid not null references public.complaints (id),
  from_state public.complaint_state,
  to_state public.complaint_state not null,
  reason_code text,
  note text,
  actor_id uuid,
  at timestamptz not null default now()
);
create index complaint_history_complaint_idx on public.complaint_history (complaint_id, at desc);

-- 降权: lowers the merchant's ranking by `size` points until expires_at.
create table public.merchant_penalties (
  id uuid primary key default extensions.gen_random_uuid(),
  merchant_id uuid not null references public.merchants (id),
  complaint_id uuid references public.complaints (id),
  size numeric(6, 2) not null check (size > 0),
  reason text not null,
  starts_at timestamptz not null default now(),
  expires_at timestamptz not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by uuid,
  revoke_reason text,
  constraint merchant_penalties_window check (expires_at > starts_at),
  constraint merchant_penalties_revoke check ((revoked_at is null) = (revoke_reason is null))
);
create index merchant_penalties_merchant_idx on public.merchant_penalties (merchant_id, expires_at desc);
create index merchant_penalties_complaint_idx on public.merchant_penalties (complaint_id);

alter table public.complaints enable row level security;
alter table public.complaint_messages enable row level security;
alter table public.complaint_history enable row level security;
alter table public.merchant_penalties enable row level security;
