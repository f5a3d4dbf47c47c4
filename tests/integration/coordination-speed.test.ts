// The coordinator's queries stay fast at scale (npm run bench -- coordination) without changing
// what they answer: the kaart search reaches its trigram and full-text indexes (the plan says so),
// learns the words of new entries and still shows hidden entries only to their editors; the
// monitor's kept weekly figures follow every write and give what counting the requests gives; the
// workspace's open requests are the ones the old query found. Everything in rolled-back
// transactions as the owner, with the role and claims of the person where it matters.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { env, people, areas } from './helpers';

const volunteerCentre = '00000000-0000-4000-8000-000000000201'; // Sanne's organisation

async function inRolledBackTransaction<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: env.DATABASE_URL });
	await client.connect();
	try {
		await client.query('begin');
		return await fn(client);
	} finally {
		await client.query('rollback').catch(() => {});
		await client.end();
	}
}

async function actAs(c: pg.Client, role: 'anon' | 'authenticated', sub?: string) {
	await c.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(sub ? { role, sub } : { role })]);
	await c.query(`set local role ${role}`);
}

function daysAgo(days: number): string {
	return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function plan(c: pg.Client, query: string): Promise<string> {
	const { rows } = await c.query<{ 'QUERY PLAN': string }>(`explain (costs off) ${query}`);
	return rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('the kaart search', () => {
	it('looks a misspelled word up on the trigram index of the word list, and the words found on the full-text index', async () => {
		const plans = await inRolledBackTransaction(async (c) => {
			// the same statements map_search_hits runs (it sets enable_seqscan off for them itself)
			await c.query('analyze public.map_search_words');
			await c.query('set local enable_seqscan = off');
			await c.query('set local pg_trgm.word_similarity_threshold = 0.5');
			return {
				words: await plan(c, "select w.word from public.map_search_words w where 'voedselbnak' operator(extensions.<%) w.word"),
				services: await plan(c, "select s.id from public.map_services s where s.search_vector @@ plainto_tsquery('pg_catalog.dutch'::regconfig, 'voedselbank')")
			};
		});
		expect(plans.words).toContain('map_search_words_trgm_idx');
		expect(plans.services).toContain('map_services_search_vector_idx');
	});

	it('finds a new entry by a misspelled word of it, and a hidden entry only for its editors', async () => {
		const found = await inRolledBackTransaction(async (c) => {
			const [provider] = (await c.query<{ id: string }>('select id from map_providers order by id limit 1')).rows;
			const insert = `insert into map_services (provider_id, editor_organisation_id, name, summary, route, assured_date)
			                values ($1, $2, $3, 'Samen zwemmen in het bad van de buurt.', 'yellow', $4) returning id`;
			const [fresh] = (await c.query<{ id: string }>(insert, [provider.id, volunteerCentre, 'Zwemclub Ganzerik', new Date()])).rows;
			const [old] = (await c.query<{ id: string }>(insert, [provider.id, volunteerCentre, 'Ganzerikkoor', '2020-01-01'])).rows;
			await actAs(c, 'anon');
			const anon = (await c.query<{ id: string }>("select id from search_social_map('ganzerk')")).rows.map((r) => r.id);
			const anonHits = (await c.query<{ id: string }>("select id from map_search_hits('ganzerk')")).rows.map((r) => r.id);
			await c.query('reset role');
			await actAs(c, 'authenticated', people.sanne);
			const sanne = (await c.query<{ id: string }>("select id from search_social_map('ganzerk')")).rows.map((r) => r.id);
			await c.query('reset role');
			await actAs(c, 'authenticated', people.kees);
			const kees = (await c.query<{ id: string }>("select id from map_search_hits('ganzerk')")).rows.map((r) => r.id);
			return { fresh: fresh.id, old: old.id, anon, anonHits, sanne, kees };
		});
		expect(found.anon).toEqual([found.fresh]);
		expect(found.anonHits).toEqual([found.fresh]);
		expect(found.sanne.sort()).toEqual([found.fresh, found.old].sort());
		expect(found.kees).toEqual([found.fresh]);
	});
});

// The monitor counted again from the requests one by one: whole weeks around the period, and the
// total of several areas hidden where exactly one area has 1 to 4 (as monitor_weekly answers).
const COUNTED = `
  with r as (
    select date_trunc('week', r.created_at at time zone 'Europe/Amsterdam')::date as week, r.area_id, r.id, r.matched_at, r.created_at,
           (select count(*) from public.thanks t where t.request_id = r.id) as thanks
    from public.help_requests r
    where r.area_id in (select public.monitor_areas())
      and ($3::uuid is null or r.area_id = $3)
      and r.created_at >= (public.monitor_week_start($1::date)::timestamp at time zone 'Europe/Amsterdam')
      and r.created_at < ((public.monitor_week_start($2::date) + 7)::timestamp at time zone 'Europe/Amsterdam')
  ), per_area as (
    select r.week, r.area_id, count(*) as requests, count(r.matched_at) as matched,
           count(*) filter (where r.matched_at < r.created_at + interval '7 days') as within_week, sum(r.thanks) as thanks
    from r group by r.week, r.area_id
  ), w as (
    select p.week, sum(p.requests)::bigint as requests, sum(p.matched)::bigint as matched, sum(p.within_week)::bigint as within_week,
           sum(p.thanks)::bigint as thanks,
           count(*) filter (where p.requests between 1 and 4) as small_requests, count(*) filter (where p.matched between 1 and 4) as small_matched,
           count(*) filter (where p.within_week between 1 and 4) as small_within, count(*) filter (where p.thanks between 1 and 4) as small_thanks
    from per_area p group by p.week
  ), med as (
    select r.week, percentile_cont(0.5) within group (order by extract(epoch from r.matched_at - r.created_at) / 3600)
             filter (where r.matched_at is not null) as median_hours
    from r group by r.week
  ), shown as (
    select w.week, public.monitor_total_cell(w.requests, w.small_requests) as requests, public.monitor_total_cell(w.matched, w.small_matched) as matched,
           public.monitor_total_cell(w.within_week, w.small_within) as within_week, public.monitor_total_cell(w.thanks, w.small_thanks) as thanks,
           m.median_hours, w.within_week = 0 as none_within
    from w join med m on m.week = w.week
  )
  select s.week::text, s.requests, s.matched,
         case when s.matched is not null then round(s.median_hours::numeric, 1) end as median_hours,
         case when s.requests is not null and s.within_week is not null then round(100.0 * s.within_week / s.requests, 0)
              when s.requests is not null and s.none_within then 0 end as matched_within_week_pct,
         s.thanks
  from shown s order by s.week`;

describe('the monitor from kept weekly figures', () => {
	it('follows new, matched, thanked and deleted requests, and answers what counting the requests answers', async () => {
		const result = await inRolledBackTransaction(async (c) => {
			// 40 requests in Centrum over six weeks, half of them matched after 1 to 16 hours
			const { rows: made } = await c.query<{ id: string }>(
				`insert into help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind, created_at, opened_at,
				                            status, helper_id, matched_at)
				 select gen_random_uuid(), $1, $1, 'odd_jobs', 'Hulp bij de monitor', $2, 'asap', t, t,
				        case when g % 2 = 0 then 'matched' else 'open' end::help_status, case when g % 2 = 0 then $3::uuid end,
				        case when g % 2 = 0 then t + make_interval(hours => 1 + g % 16) end
				 from generate_series(1, 40) g, lateral (select now() - make_interval(days => 40 + g, hours => g) as t) x returning id`,
				[people.truus, areas.centrum, people.fatima]
			);
			const ids = made.map((r) => r.id);
			// a later time of matching moves a request from "within a week" to after it
			await c.query("update help_requests set matched_at = matched_at + interval '8 days' where id = $1", [ids[1]]);
			await c.query(
				`insert into thanks (request_id, from_id, to_id, body)
				 select id, requester_id, helper_id, 'Dank je wel' from help_requests where id = any ($1::uuid[]) and helper_id is not null`,
				[ids]
			);
			await c.query('delete from help_requests where id = $1', [ids[0]]);
			// the kept figures are exactly a new count of the same weeks
			const { rows: drift } = await c.query(
				`select * from (
				   select area_id, week, requests, matched, within_week, thanks from monitor_weeks
				   except
				   select r.area_id, public.monitor_week_of(r.created_at), count(*)::int, count(r.matched_at)::int,
				          (count(*) filter (where r.matched_at < r.created_at + interval '7 days'))::int,
				          coalesce(sum((select count(*) from thanks t where t.request_id = r.id)), 0)::int
				   from help_requests r where r.area_id is not null group by 1, 2
				 ) x`
			);
			await actAs(c, 'authenticated', people.sanne);
			const periods: [string, string, string | null][] = [];
			// whole weeks, weeks cut at both ends, a period inside one week, a year
			for (const [from, to] of [[60, 0], [53, 38], [49, 47], [365, 1]]) {
				periods.push([daysAgo(from), daysAgo(to), null], [daysAgo(from), daysAgo(to), areas.centrum]);
			}
			const differences = [];
			for (const [from, to, area] of periods) {
				const kept = (await c.query('select week::text, requests, matched, median_hours, matched_within_week_pct, thanks from monitor_weekly($1, $2, $3)', [from, to, area])).rows;
				const counted = (await c.query(COUNTED, [from, to, area])).rows;
				if (JSON.stringify(kept) !== JSON.stringify(counted)) differences.push({ from, to, area, kept, counted });
			}
			return { drift, differences };
		});
		expect(result.drift).toEqual([]);
		expect(result.differences).toEqual([]);
	});
});

describe('the workspace', () => {
	it('lists the open requests the old query listed, oldest first', async () => {
		const { now, before } = await inRolledBackTransaction(async (c) => {
			await actAs(c, 'authenticated', people.sanne);
			const now = (await c.query('select id, stuck, expiring from coordinator_open_requests(50)')).rows;
			await c.query('reset role');
			const before = (
				await c.query(
					`select r.id, r.opened_at < now() - interval '3 days' as stuck, public.request_expires_at(r) < now() + interval '3 days' as expiring
					 from help_requests r
					 where r.status = 'open' and r.hidden_at is null and public.effective_status(r) = 'open'
					   and r.area_id in (select oa.area_id from memberships m join organisation_areas oa on oa.organisation_id = m.organisation_id
					                     where m.profile_id = $1 and m.role = 'coordinator')
					 order by r.opened_at limit 50`,
					[people.sanne]
				)
			).rows;
			return { now, before };
		});
		expect(now.length).toBeGreaterThan(0);
		expect(now).toEqual(before);
	});
});
