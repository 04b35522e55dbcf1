-- Shared checks for the state-machine RPCs.

-- Refuses unless the caller is active staff with one of the roles, or (when allowed) a
-- backend using the service key (the public and merchant apps, scheduled jobs).
create or replace function app.require_role(allow_service boolean, variadic roles public.staff_role[])
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if allow_service and app.is_service() then
    return;
  end if;
  if not app.has_role(variadic roles) then
    perform app.fail('not_permitted', 'requires role ' || array_to_string(roles, ' or '), '42501');
  end if;
end;
$$;

-- Refuses staff acting outside their region scope (the service key acts everywhere).
create or replace function app.require_region(code text)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if not app.is_service() and not app.in_region(code) then
    perform app.fail('out_of_region', 'region ' || coalesce(code, '?') || ' is outside your scope', '42501');
  end if;
end;
$$;

create or replace function app.illegal(entity text, from_state text, to_state text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  perform app.fail('illegal_transition', format('%s cannot go from %s to %s', entity, from_state, to_state));
end;
$$;

grant execute on function app.require_role(boolean, public.staff_role[]), app.require_region(text),
  app.illegal(text, text, text) to authenticated, service_role;
