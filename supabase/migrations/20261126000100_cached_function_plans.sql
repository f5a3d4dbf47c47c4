/**
 * Plans kept per connection for the read functions.
 *
 * Before Postgres 18, a `language sql` function that cannot be inlined (every function here has
 * `set search_path`, and most are security definer) is parsed and planned again on every call. For
 * the one-call page functions (front_door, help_overview, request_page, officer_inbox, …) and the
 * small helpers RLS calls, that planning cost more than running them: front_door took 2.3 ms a call
 * on the demo data, of which under 1 ms was work. A plpgsql function keeps its plans for the
 * connection (PostgREST keeps its connections), so each one is re-created here as plpgsql with the
 * same body, the same arguments, volatility, security and settings, and the same comment and grants.
 *
 * The body keeps the meaning it had as SQL:
 * - `#variable_conflict use_column`: a name that is both a column and an argument means the column,
 *   as in a SQL function;
 * - a function returning one value returns the first row of its query (`limit 1`), as a SQL
 *   function does, and null when there is none;
 * - a set-returning function returns every row (`return query`).
 *
 * Left as SQL: functions that change data (volatile), immutable ones (some sit in indexes), functions
 * of more than one statement, functions returning one composite row, and any without settings (those
 * Postgres inlines into the calling query, which is better still).
 */
do $convert$
declare
  f record;
  statement text;
  plpgsql_body text;
  definition text;
begin
  for f in
    select p.oid, p.proname, p.prosrc, p.proretset
    from pg_proc p
    join pg_type t on t.oid = p.prorettype
    where p.pronamespace = 'public'::regnamespace
      and p.prolang = (select l.oid from pg_language l where l.lanname = 'sql')
      and p.prokind = 'f'
      and p.provolatile = 's'
      and p.proconfig is not null
      and p.prosqlbody is null
      and (p.proretset or t.typtype <> 'c')
  loop
    -- The one statement, without its closing semicolon and any comment after it.
    statement := regexp_replace(f.prosrc, ';(\s|--[^\n]*)*$', '');
    if position(';' in regexp_replace(statement, '--[^\n]*', '', 'g')) > 0 then
      raise notice 'kept as SQL (more than one statement): %', f.proname;
      continue;
    end if;
    if f.proretset then
      plpgsql_body := E'\n#variable_conflict use_column\nbegin\nreturn query\n' || statement || E'\n;\nend\n';
    else
      plpgsql_body := E'\n#variable_conflict use_column\nbegin\nreturn (select * from (\n' || statement
        || E'\n) as first_row limit 1);\nend\n';
    end if;
    definition := pg_get_functiondef(f.oid);
    definition := regexp_replace(definition, E'\\n LANGUAGE sql\\n', E'\n LANGUAGE plpgsql\n');
    definition := replace(definition, f.prosrc, plpgsql_body);
    execute definition;
  end loop;
end
$convert$;
