/*
 * ---------------------------------------------------------------------------------------------
 * A help need of an initiative becomes a help request in the marketplace: a founder names the
 * kind of help and says what is needed; neighbours who volunteer see it like any request. Done
 * here, in one security definer function, so the initiatives domain never imports the help
 * domain. The link between the two is kept, so the initiative page lists its requests.
 * ---------------------------------------------------------------------------------------------
 */

create table public.initiative_help_requests (
  request_id uuid primary key references public.help_requests (id) on delete cascade,
  initiative_id uuid not null references public.initiatives (id) on delete cascade,
  created_at timestamptz not null default now()
);
comment on table public.initiative_help_requests is 'Help requests a founder made for an initiative (initiative_help_request()).';
create index initiative_help_requests_initiative_idx on public.initiative_help_requests (initiative_id);

alter table public.initiative_help_requests enable row level security;
create policy "Founders see the help requests of their initiative" on public.initiative_help_requests
  for select to authenticated using (public.is_initiative_founder(initiative_id));
revoke all on public.initiative_help_requests from anon, authenticated;
grant select on public.initiative_help_requests to authenticated;

/**
 * A founder asks neighbours for help with the initiative: a help request in the initiative's
 * area, in their own name, as the marketplace's insert policy would allow it (may post, the
 * request is theirs and open). Logged. Returns the request's id. A second submit of the same form
 * (same p_submission) returns the first request instead of making another, as create_help_request() does.
 */
create function public.initiative_help_request(p_initiative uuid, p_submission uuid, p_category text, p_description text)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  i public.initiatives;
  request uuid;
begin
  select * into i from public.initiatives where id = p_initiative;
  if not found or not public.is_initiative_founder(p_initiative) or not public.can_post() then
    raise exception 'Only a founder can ask for help for this initiative.' using errcode = '42501';
  end if;
  if i.area_id is null then
    raise exception 'Choose where the initiative is first.' using errcode = '22023';
  end if;
  if length(trim(coalesce(p_description, ''))) = 0 or length(trim(p_description)) > 1000 then
    raise exception 'Say what help is needed.' using errcode = '22023';
  end if;
  if not exists (select 1 from public.help_categories c where c.id = p_category) then
    raise exception 'Choose a kind of help from the list.' using errcode = '22023';
  end if;
  insert into public.help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind, when_note)
  values (p_submission, (select auth.uid()), (select auth.uid()), p_category, trim(p_description), i.area_id, 'asap',
          left('Voor het plan: ' || i.name, 200))
  on conflict (submission_id) do nothing
  returning id into request;
  if request is null then
    select r.id into request from public.help_requests r
    join public.initiative_help_requests l on l.request_id = r.id and l.initiative_id = p_initiative
    where r.submission_id = p_submission and r.created_by = (select auth.uid());
    if request is null then
      raise exception 'This form was sent for another request.' using errcode = '23505';
    end if;
    return request;
  end if;
  insert into public.initiative_help_requests (request_id, initiative_id) values (request, p_initiative);
  insert into public.audit_log (actor_id, action, details)
  values ((select auth.uid()), 'initiative.help_requested', jsonb_build_object('initiative', p_initiative, 'request', request));
  return request;
end;
$$;
revoke execute on function public.initiative_help_request(uuid, uuid, text, text) from public, anon;
grant execute on function public.initiative_help_request(uuid, uuid, text, text) to authenticated;
