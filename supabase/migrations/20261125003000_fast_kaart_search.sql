/*
 * ---------------------------------------------------------------------------------------------
 * A fast sociale kaart search.
 *
 * search_social_map scored every entry row by row: the typo match called the wrapper
 * map_similarity() on each whole entry, which no index can serve, and under RLS Postgres will not
 * use an index for an operator that is not leakproof (@@, <%) before the policy is checked, so
 * even the full-text index was passed by. Now:
 *   - map_search_words keeps every word that occurs in an entry (folded by the immutable
 *     map_fold(), so without accents), with a trigram index; a word with a typo is looked up
 *     there with pg_trgm's word-similarity operator <% straight on that index (a few thousand
 *     short words, not every entry);
 *   - the words found, and the words as typed, become one Dutch full-text query that the GIN
 *     index on search_vector answers;
 *   - map_search_hits() does both as the owner, so the indexes are used, and applies the same
 *     visibility as the policies on map_services; search_social_map stays security invoker and
 *     joins the hits with map_services, so RLS still decides what each person sees.
 * Same matches as before (Dutch full text, or a word of four letters or more with word
 * similarity 0.5 or more to a word of the entry), best first.
 * ---------------------------------------------------------------------------------------------
 */

create table public.map_search_words (
  word text not null check (length(word) between 3 and 60)
);
comment on table public.map_search_words is 'Every folded word of the sociale kaart entries (never removed: a word no entry has any more only finds nothing). Read by map_search_hits() for words with a typo.';
alter table public.map_search_words enable row level security;
revoke all on public.map_search_words from anon, authenticated;
-- No policies and no grants: only map_search_hits() and the trigger below (owner) use it.
-- Only a trigram index (it also answers "="): with a b-tree beside it, a planner without
-- statistics yet would read the whole b-tree instead. Two writers may add the same word twice;
-- the search does not mind.
create index map_search_words_trgm_idx on public.map_search_words using gin (word extensions.gin_trgm_ops);

create function public.map_remember_words()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.map_search_words (word)
  select distinct t from regexp_split_to_table(new.search_text, '[^a-z0-9]+') t
  where length(t) between 3 and 60
    and not exists (select 1 from public.map_search_words w where w.word = t);
  return null;
end;
$$;
revoke execute on function public.map_remember_words() from public;
create trigger map_services_remember_words after insert or update of name, summary, description, keywords on public.map_services
  for each row execute function public.map_remember_words();

insert into public.map_search_words (word)
select distinct t from public.map_services s, regexp_split_to_table(s.search_text, '[^a-z0-9]+') t where length(t) between 3 and 60;
analyze public.map_search_words;

/**
 * The organisations whose kaart entries the current user keeps (coordinator there). The read
 * policy below asks it once per query, as an init plan, instead of calling is_map_editor() for
 * every row, which made every list of the kaart as slow as the number of entries.
 */
create function public.my_map_editor_organisations()
returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select coalesce(array_agg(m.organisation_id), '{}')
  from public.memberships m
  where m.profile_id = (select auth.uid()) and m.role = 'coordinator';
$$;
revoke execute on function public.my_map_editor_organisations() from public;
grant execute on function public.my_map_editor_organisations() to authenticated;

drop policy "Editors can read every service they keep" on public.map_services;
create policy "Editors can read every service they keep" on public.map_services
  for select to authenticated using (editor_organisation_id = any ((select public.my_map_editor_organisations())::uuid[]));

/**
 * The services that match the words and that the caller may see, with their score (full-text
 * rank × 2 plus the best similarity of a word of the entry to a typed word). Empty words: every
 * service the caller may see, with score 0.
 * plpgsql, so each lookup is planned with the actual word and reaches its index.
 */
create function public.map_search_hits(p_words text)
returns table (id uuid, score real)
language plpgsql stable security definer
rows 100
set search_path = ''
set pg_trgm.word_similarity_threshold = 0.5
-- the lexicon is small enough that the planner would read all of it and compare every word
set enable_seqscan = off
as $$
declare
  folded text := public.map_fold(btrim(coalesce(p_words, '')));
  plain tsquery;
  wanted tsquery;
  typed text;
  near_queries tsquery[] := '{}';
  near_similarities real[] := '{}';
  found record;
  editors uuid[] := public.my_map_editor_organisations();
begin
  if folded = '' then
    -- no words: every entry the caller may read, all alike
    return query
      select s.id, 0::real from public.map_services s
      where (s.status <> 'defunct' and s.assured_date >= current_date - interval '18 months')
         or s.editor_organisation_id = any (editors);
    return;
  end if;
  plain := plainto_tsquery('pg_catalog.dutch'::regconfig, folded);
  if pg_catalog.numnode(plain) > 0 then
    wanted := plain;
  end if;
  -- words of the entries close to a typed word of four letters or more (the word itself too,
  -- when an entry has it): one probe of the trigram index per typed word
  for typed in select distinct t from regexp_split_to_table(folded, '[^a-z0-9]+') t where length(t) >= 4 loop
    for found in
      select distinct plainto_tsquery('pg_catalog.dutch'::regconfig, w.word) as query, extensions.word_similarity(typed, w.word) as similarity
      from public.map_search_words w
      where typed operator(extensions.<%) w.word
    loop
      continue when pg_catalog.numnode(found.query) = 0;
      near_queries := near_queries || found.query;
      near_similarities := near_similarities || found.similarity;
      wanted := case when wanted is null then found.query else wanted || found.query end;
    end loop;
  end loop;
  if wanted is null then
    return;
  end if;
  return query
    select s.id,
           (case when pg_catalog.numnode(plain) > 0 then pg_catalog.ts_rank(s.search_vector, plain) * 2 else 0 end
            + coalesce((select max(n.similarity) from unnest(near_queries, near_similarities) n(query, similarity)
                        where s.search_vector @@ n.query), 0))::real
    from public.map_services s
    where s.search_vector @@ wanted
      -- what the policies on map_services let the caller read
      and ((s.status <> 'defunct' and s.assured_date >= current_date - interval '18 months')
           or s.editor_organisation_id = any (editors));
end;
$$;
revoke execute on function public.map_search_hits(text) from public;
grant execute on function public.map_search_hits(text) to anon, authenticated;
comment on function public.map_search_hits(text) is 'The sociale kaart services matching the words (Dutch full text, or a word close to a typed word) that the caller may see, with a score; used by search_social_map.';

/**
 * Services matching the words and filters, best first (see map_search_hits). Empty words: all
 * services that pass the filters, by name. Security invoker: RLS decides what each person sees.
 * The hits (estimated at 100 rows) are joined by primary key, never by reading every entry.
 */
create or replace function public.search_social_map(
  words text default '',
  route public.map_route default null,
  topic text default null,
  free_only boolean default false,
  age int default null,
  open_now boolean default false,
  accessible boolean default false,
  area uuid default null
)
returns setof public.map_services
language sql stable security invoker set search_path = ''
as $$
  select s.* from public.map_search_hits(search_social_map.words) hits
  join public.map_services s on s.id = hits.id
  where (search_social_map.route is null or s.route = search_social_map.route)
    and (search_social_map.topic is null or exists (select 1 from public.map_service_topics st where st.service_id = s.id and st.topic_id = search_social_map.topic))
    and (not search_social_map.free_only or s.free)
    and (search_social_map.age is null or ((s.minimum_age is null or s.minimum_age <= search_social_map.age) and (s.maximum_age is null or s.maximum_age >= search_social_map.age)))
    and (not search_social_map.accessible or s.wheelchair_accessible
         or exists (select 1 from public.map_service_at_location sl join public.map_locations l on l.id = sl.location_id
                    where sl.service_id = s.id and l.wheelchair_accessible))
    and (search_social_map.area is null or s.area_id is null or s.area_id = search_social_map.area)
    and (not search_social_map.open_now or exists (
      select 1 from public.map_schedules sc
      where sc.service_id = s.id
        and sc.day = extract(isodow from (now() at time zone 'Europe/Amsterdam'))::int
        and (now() at time zone 'Europe/Amsterdam')::time >= sc.opens
        and (now() at time zone 'Europe/Amsterdam')::time < sc.closes))
  order by hits.score desc, s.name
  limit 100;
$$;
