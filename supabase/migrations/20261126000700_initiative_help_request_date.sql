/**
 * A help need of an initiative can be for a day (the party, the clean-up), not only "as soon as
 * possible". Otherwise the same as 20261125001100; a day in the past is refused.
 */
drop function public.initiative_help_request(uuid, uuid, text, text);

create function public.initiative_help_request(p_initiative uuid, p_submission uuid, p_category text, p_description text,
                                               p_when_date date default null)
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
  if p_when_date is not null and p_when_date < public.today_nl() then
    raise exception 'Choose a day from today on.' using errcode = '22023';
  end if;
  insert into public.help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind, when_date, when_note)
  values (p_submission, (select auth.uid()), (select auth.uid()), p_category, trim(p_description), i.area_id,
          case when p_when_date is null then 'asap' else 'on_date' end::public.help_when, p_when_date,
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
revoke execute on function public.initiative_help_request(uuid, uuid, text, text, date) from public, anon;
grant execute on function public.initiative_help_request(uuid, uuid, text, text, date) to authenticated;
