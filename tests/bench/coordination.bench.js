// The coordinator's queries at scale: 10,000 open requests, 100,000 volunteers, 5,000 services.
// p50/p95 of the workspace home query (open requests of the coordinator's areas), the monitor
// (requests per week) and a sociale kaart search (a word with a typo), each with its indexes and,
// in the same run, without them. Target p95 ≤ 50 ms.
import pg from 'pg';

const VOLUNTEERS = 100_000;
const REQUESTS = 10_000;
const SERVICES = 5_000;
const SANNE = '00000000-0000-4000-8000-000000000301';

async function generate(client) {
	console.log(`\ngenerating ${VOLUNTEERS} volunteers, ${REQUESTS} open requests and ${SERVICES} services…`);
	await client.query(`
		insert into profiles (id, display_name, area_id, onboarded_at)
		select ('20000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'Buur ' || g,
		       (select id from areas order by name offset (g % 6) limit 1), now()
		from generate_series(1, ${VOLUNTEERS}) g`);
	await client.query(`
		insert into volunteer_profiles (profile_id, area_id, latitude, longitude, max_distance_km, availability, vog_date)
		select p.id, p.area_id, 50.70 + random() * 0.27, 5.55 + random() * 0.42, 1 + floor(random() * 10),
		       floor(random() * 2097151)::int, case when random() < 0.3 then current_date - (random() * 1200)::int end
		from profiles p where p.display_name like 'Buur %'`);
	// Open requests over the last 29 days, and older ones (matched or done) over a year for the monitor.
	await client.query(`
		insert into help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind, created_at, opened_at)
		select gen_random_uuid(), who, who, (array['odd_jobs','buddy','ride','groceries','garden','paperwork','lending'])[1 + g % 7],
		       'Hulp gezocht', (select id from areas order by name offset (g % 6) limit 1), 'asap',
		       now() - make_interval(mins => (g * 4177) % (29 * 24 * 60)), now() - make_interval(mins => (g * 4177) % (29 * 24 * 60))
		from generate_series(1, ${REQUESTS}) g,
		     lateral (select ('20000000-0000-4000-8000-' || lpad((1 + (g * 7919) % ${VOLUNTEERS})::text, 12, '0'))::uuid as who) w`);
	await client.query(`
		insert into help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind, created_at, opened_at, status, helper_id, matched_at)
		select gen_random_uuid(), who, who, (array['odd_jobs','buddy','ride','groceries','garden','paperwork','lending'])[1 + g % 7],
		       'Hulp gezocht', (select id from areas order by name offset (g % 6) limit 1), 'asap',
		       now() - make_interval(days => 30 + g % 335), now() - make_interval(days => 30 + g % 335), 'matched',
		       ('20000000-0000-4000-8000-' || lpad((1 + g % ${VOLUNTEERS})::text, 12, '0'))::uuid,
		       now() - make_interval(days => 30 + g % 335) + make_interval(hours => 1 + g % 100)
		from generate_series(1, ${REQUESTS * 4}) g,
		     lateral (select ('20000000-0000-4000-8000-' || lpad((1 + (g::bigint * 104729) % ${VOLUNTEERS})::text, 12, '0'))::uuid as who) w`);
	await client.query(`
		insert into map_services (provider_id, editor_organisation_id, area_id, name, summary, description, keywords, route, assured_date)
		select (select id from map_providers order by id offset (g % 5) limit 1), '00000000-0000-4000-8000-000000000201',
		       (select id from areas order by name offset (g % 6) limit 1),
		       (array['Koffie-uurtje','Taalcafé','Repair Café','Wandelgroep','Sportclub','Kledingbank','Huiswerkhulp'])[1 + g % 7] || ' ' || g,
		       'Een plek in de buurt om mensen te ontmoeten.', 'Elke week. Iedereen is welkom. ' || md5(g::text),
		       (array['koffie praten','taal leren','fiets repareren','wandelen buiten','sport bewegen','kleding gratis','school huiswerk'])[1 + g % 7],
		       (array['green','yellow','orange','blue'])[1 + g % 4]::map_route, current_date - (g % 500)
		from generate_series(1, ${SERVICES}) g`);
	await client.query('analyze');
}

async function time(client, sql, params, runs) {
	const times = [];
	for (let i = 0; i < runs; i++) {
		const start = process.hrtime.bigint();
		await client.query(sql, params);
		times.push(Number(process.hrtime.bigint() - start) / 1e6);
	}
	times.sort((a, b) => a - b);
	return { p50: times[Math.floor(times.length * 0.5)], p95: times[Math.floor(times.length * 0.95)] };
}

const QUERIES = [
	{ name: 'coordinator home (open requests of her areas)', sql: 'select * from coordinator_open_requests(200)', params: [] },
	{ name: 'monitor (requests per week, one year)', sql: `select * from monitor_weekly(current_date - 365, current_date)`, params: [] },
	{ name: 'sociale kaart search ("koffei", a typo)', sql: `select id from search_social_map('koffei')`, params: [] }
];

// The indexes each query leans on; dropped inside a transaction that is rolled back.
const INDEXES = [
	'help_requests_open_area_age_idx', 'help_requests_open_idx', 'help_requests_area_status_idx', 'help_requests_open_by_age_idx',
	'help_requests_area_created_idx', 'map_services_search_vector_idx', 'map_services_search_text_trgm_idx', 'map_search_words_trgm_idx'
];

export async function benchCoordination(site) {
	const client = new pg.Client({ connectionString: site.stack.dbUrl });
	// When a step fails, the stack is stopped under this connection; its own error is the one to see.
	client.on('error', () => {});
	await client.connect();
	await generate(client);
	// The queries run as Sanne (coordinator of three areas), through her role and claims, so RLS applies.
	await client.query('begin');
	await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ role: 'authenticated', sub: SANNE })]);
	await client.query('set local role authenticated');
	const withIndexes = [];
	for (const q of QUERIES) {
		await time(client, q.sql, q.params, 5);
		withIndexes.push(await time(client, q.sql, q.params, 100));
	}
	await client.query('reset role');
	for (const index of INDEXES) await client.query(`drop index if exists ${index}`);
	// the monitor's kept weekly figures are read along their primary keys
	await client.query('alter table monitor_weeks drop constraint if exists monitor_weeks_pkey');
	await client.query('alter table monitor_week_minutes drop constraint if exists monitor_week_minutes_pkey');
	await client.query('analyze help_requests, map_services, map_search_words, monitor_weeks, monitor_week_minutes');
	await client.query('set local role authenticated');
	const withoutIndexes = [];
	for (const q of QUERIES) {
		await time(client, q.sql, q.params, 3);
		withoutIndexes.push(await time(client, q.sql, q.params, 30));
	}
	await client.query('rollback');
	await client.end();

	console.log(`\nCoordination queries (${REQUESTS} open requests, ${REQUESTS * 4} older ones, ${VOLUNTEERS} volunteers, ${SERVICES} services), as a coordinator:`);
	QUERIES.forEach((q, i) => {
		const a = withIndexes[i];
		const b = withoutIndexes[i];
		console.log(`  ${q.name}`);
		console.log(`    with indexes:    p50 ${a.p50.toFixed(2)} ms, p95 ${a.p95.toFixed(2)} ms (target p95 ≤ 50 ms)`);
		console.log(`    without indexes: p50 ${b.p50.toFixed(2)} ms, p95 ${b.p95.toFixed(2)} ms; ratio (p95) ${(b.p95 / a.p95).toFixed(1)}×`);
	});
}
