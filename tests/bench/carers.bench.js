// Carers at scale: 50,000 carers over five years (about 150,000 applications, checks, call-backs,
// confirmations and "Voelt u zich gewaardeerd?" answers). p50/p95 of the officer's queue (the
// query the site sends for /gemeente/mantelzorg, as the officer, through RLS) and of the monitor
// (carer_monitor() for one year), each with its indexes and, in the same run, without them.
// Target p95 ≤ 50 ms.
import pg from 'pg';

const CARERS = 50_000;
const YEARS = 5;
const OFFICER = '00000000-0000-4000-8000-000000000303';
const MUNICIPALITY = '00000000-0000-4000-8000-000000000001';
const THIS_YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()));

/** The indexes the two queries lean on; dropped (in a transaction, rolled back) for the comparison. */
const INDEXES = ['carer_applications_queue_idx', 'carer_applications_year_applied_idx', 'carer_checks_created_at_idx', 'carer_call_backs_year_idx', 'carer_call_backs_open_idx'];

async function generate(client) {
	console.log(`\ngenerating ${CARERS} carers over ${YEARS} years…`);
	await client.query('begin');
	// Rules for five years; applications written as the owner, past the checks of their time.
	await client.query(`
		insert into carer_settings (municipality_id, year, opens_on, closes_on, payout_options, amount_cents, gift_choices)
		select $1, y, make_date(y, 1, 1), make_date(y, 12, 31), '{money,voucher}', 15000, '{}'
		from generate_series(${THIS_YEAR - YEARS + 1}, ${THIS_YEAR}) y on conflict do nothing`, [MUNICIPALITY]);
	await client.query(`
		insert into profiles (id, display_name, area_id, onboarded_at)
		select ('30000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'Zorger ' || g,
		       (select id from areas where municipality_id = $1 order by name offset (g % (select count(*) from areas where municipality_id = $1)) limit 1), now()
		from generate_series(1, ${CARERS}) g`, [MUNICIPALITY]);
	await client.query('set local session_replication_role = replica');
	// Each carer applies in about three of the five years; most are approved, a few refused.
	await client.query(`
		insert into carer_applications (municipality_id, year, carer_id, applied_by, relationship, cared_for_name, cared_for_postcode,
		  cared_for_house_number, caring_since, hours, cared_for_lives_here, payout, status, applied_at, decided_at, paid_at)
		select $1, y, p.id, p.id, 'parent', 'Persoon ' || g, lpad((1000 + g % 8999)::text, 4, '0') || 'AB', (g % 200 + 1)::text,
		       '2018-01-01', 'over_16', true, case when g % 3 = 0 then 'voucher' else 'money' end::carer_payout,
		       case when y < ${THIS_YEAR} then (case when g % 20 = 0 then 'refused' else 'approved' end)
		            else (array['submitted','submitted','question','approved','refused'])[1 + g % 5] end::carer_application_status,
		       make_timestamptz(y, 1 + g % 11, 1 + g % 28, 10, 0, 0, 'Europe/Amsterdam'),
		       case when y < ${THIS_YEAR} or g % 5 = 3 then make_timestamptz(y, 12, 1, 10, 0, 0, 'Europe/Amsterdam') end,
		       case when y < ${THIS_YEAR} and g % 3 <> 0 and g % 20 <> 0 then make_timestamptz(y, 12, 15, 10, 0, 0, 'Europe/Amsterdam') end
		from generate_series(1, ${CARERS}) g
		join profiles p on p.id = ('30000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid
		cross join generate_series(${THIS_YEAR - YEARS + 1}, ${THIS_YEAR}) y
		where abs(hashtext(g::text || y::text)) % 5 < 3`, [MUNICIPALITY]);
	await client.query(`
		insert into carer_confirmations (application_id, confirmed_at, confirmed_how)
		select a.id, case when abs(hashtext(a.id::text)) % 10 < 8 then a.applied_at + interval '3 days' end,
		       case when abs(hashtext(a.id::text)) % 10 < 8 then 'code' end::carer_confirm_how
		from carer_applications a where a.carer_id::text like '30000000-%'`);
	await client.query(`
		insert into carer_appreciation_answers (application_id, feeling, answered_at)
		select a.id, (array['yes','yes','somewhat','no'])[1 + abs(hashtext(a.id::text || 'f')) % 4]::carer_feeling, a.decided_at + interval '300 days'
		from carer_applications a where a.carer_id::text like '30000000-%' and a.status = 'approved' and abs(hashtext(a.id::text)) % 3 = 0`);
	// About one check a carer a year for a third of them; one in ten of those asks to be called back.
	await client.query(`
		insert into carer_checks (carer_id, answers, created_at)
		select a.carer_id, array[1 + g % 5, 1 + (g + 1) % 5, 2, 3, 1 + (g + 2) % 5]::smallint[], a.applied_at + interval '20 days'
		from (select carer_id, applied_at, row_number() over () as g from carer_applications where carer_id::text like '30000000-%') a
		where a.g % 3 = 0`);
	await client.query(`
		insert into carer_call_backs (check_id, carer_id, municipality_id, created_at, done_at)
		select c.id, c.carer_id, $1, c.created_at, case when c.created_at < now() - interval '30 days' then c.created_at + interval '2 days' end
		from carer_checks c where c.carer_id::text like '30000000-%' and abs(hashtext(c.id::text)) % 10 = 0`, [MUNICIPALITY]);
	await client.query('commit');
	await client.query('analyze');
	const { rows } = await client.query(`select (select count(*) from carer_applications)::int as applications, (select count(*) from carer_checks)::int as checks,
		(select count(*) from carer_applications where year = $1)::int as this_year`, [THIS_YEAR]);
	console.log(`  ${rows[0].applications} applications (${rows[0].this_year} this year), ${rows[0].checks} checks`);
}

/** What listApplications() sends through PostgREST (the confirmation embedded, to-one): the officer's year, oldest first, at most 500. */
const QUEUE = `select a.id, a.status, a.relationship, a.payout, a.applied_at, c.confirmed_at
	from carer_applications a
	left join lateral (select x.confirmed_at from carer_confirmations x where x.application_id = a.id) c on true
	where a.municipality_id = $1 and a.year = $2 order by a.applied_at limit 500`;

async function time(runs, query) {
	const times = [];
	for (let i = 0; i < runs; i++) {
		const start = process.hrtime.bigint();
		await query(i);
		times.push(Number(process.hrtime.bigint() - start) / 1e6);
	}
	times.sort((a, b) => a - b);
	return { p50: times[Math.floor(times.length * 0.5)], p95: times[Math.floor(times.length * 0.95)] };
}

/** As the officer, through RLS, as PostgREST runs it (inside the caller's transaction). */
async function asOfficer(client) {
	await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: OFFICER, role: 'authenticated' })]);
	await client.query('set local role authenticated');
}

/** Both queries, inside a transaction that is open (and stays open: the caller ends it). */
async function run(client, runs) {
	await client.query('savepoint measuring');
	await asOfficer(client);
	const queue = await time(runs, (i) => client.query(QUEUE, [MUNICIPALITY, THIS_YEAR - (i % YEARS)]));
	const monitor = await time(runs, (i) => client.query('select * from public.carer_monitor($1, $2)', [MUNICIPALITY, THIS_YEAR - (i % YEARS)]));
	await client.query('rollback to savepoint measuring');
	return { queue, monitor };
}

/** BENCH_EXPLAIN=1 prints the plans of both queries as the officer, to see where the time goes. */
async function explain(client) {
	await client.query('begin');
	client.on('notice', (n) => console.log(n.message));
	await client.query(`load 'auto_explain'`).catch(() => {});
	await client.query(`set local auto_explain.log_min_duration = 0; set local auto_explain.log_nested_statements = on; set local auto_explain.log_analyze = on; set local client_min_messages = log`).catch((e) => console.log('no auto_explain', e.message));
	await asOfficer(client);
	for (const [q, params] of [[QUEUE, [MUNICIPALITY, THIS_YEAR]], ['select * from public.carer_monitor($1, $2)', [MUNICIPALITY, THIS_YEAR]]]) {
		const { rows } = await client.query(`explain (analyze, buffers) ${q}`, params);
		console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
	}
	await client.query('rollback');
}

export async function benchCarers(site) {
	const client = new pg.Client({ connectionString: site.stack.dbUrl });
	await client.connect();
	await generate(client);
	if (process.env.BENCH_EXPLAIN) await explain(client);
	await client.query('begin');
	await run(client, 4); // warm up
	const withIndexes = await run(client, 40);
	await client.query('rollback');
	console.log(`  with indexes: queue p95 ${withIndexes.queue.p95.toFixed(1)} ms, monitor p95 ${withIndexes.monitor.p95.toFixed(1)} ms`);
	await client.query('begin');
	for (const index of INDEXES) await client.query(`drop index if exists public.${index}`);
	await client.query('analyze carer_applications, carer_checks, carer_call_backs');
	const without = await run(client, 12);
	await client.query('rollback');
	await client.end();
	const line = (name, w, wo) =>
		`  ${name}\n    with indexes:    p50 ${w.p50.toFixed(2)} ms, p95 ${w.p95.toFixed(2)} ms (target p95 ≤ 50 ms)\n    without indexes: p50 ${wo.p50.toFixed(2)} ms, p95 ${wo.p95.toFixed(2)} ms (${(wo.p95 / w.p95).toFixed(1)}× the p95)`;
	console.log(`\nCarers (${CARERS} carers over ${YEARS} years):`);
	console.log(line("officer's queue, one year (as the officer, RLS)", withIndexes.queue, without.queue));
	console.log(line('monitor, one year per area (carer_monitor)', withIndexes.monitor, without.monitor));
}
