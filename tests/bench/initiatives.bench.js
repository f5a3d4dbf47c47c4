// Initiatives at scale: 100,000 asks over three years, seven kinds, ten teams (two
// municipalities of five teams). p50/p95 of the officer's inbox (officer_inbox(), the one call
// /gemeente makes, as the officer, who also leads two teams) and of the accountability page's two
// calls (initiative_accountability() for one quarter and initiative_figures() for all time),
// each with its indexes and, in the same run, without them.
import pg from 'pg';

const ASKS = 100_000;
const PER_INITIATIVE = 5;
const OFFICER = '00000000-0000-4000-8000-000000000303';
const KINDS = ['permit', 'space', 'green', 'budget', 'materials', 'contact', 'task'];
const DETAILS = {
	permit: `jsonb_build_object('date', '2027-06-20', 'from', '14:00', 'until', '22:00', 'visitors', '80')`,
	space: `jsonb_build_object('building', 'Het buurthuis', 'date_or_slot', 'Elke dinsdag')`,
	green: `jsonb_build_object('place', 'Het veldje', 'use', 'Een moestuin')`,
	budget: `jsonb_build_object('amount', '300', 'costs', 'Hout en zaad')`,
	materials: `jsonb_build_object('items', jsonb_build_array('tables'), 'date', '2027-06-20')`,
	contact: `jsonb_build_object('who', 'De muziekvereniging')`,
	task: `jsonb_build_object('task', 'Het park maaien', 'how', 'Met tien buren', 'needs', 'Een maaier')`
};

export async function generate(client) {
	console.log(`\ngenerating ${ASKS} asks over three years, ${KINDS.length} kinds, ten teams…`);
	const m1 = '00000000-0000-4000-8000-000000000001';
	const m2 = '00000000-0000-4000-8000-00000000b002';
	await client.query(`insert into municipalities (id, name) values ($1, 'Gemeente Bankdorp') on conflict do nothing`, [m2]);
	await client.query(`insert into areas (id, municipality_id, name, kind, latitude, longitude)
		values ('00000000-0000-4000-8000-00000000b102', $1, 'Bankdorp', 'dorp', 50.9, 5.9) on conflict do nothing`, [m2]);
	// Ten teams, five per municipality; each kind is answered by one of them.
	await client.query(`
		insert into organisations (id, municipality_id, name, kind)
		select ('00000000-0000-4000-8000-0000000b' || lpad(t::text, 4, '0'))::uuid, case when t <= 5 then $1 else $2 end::uuid,
		       'Team ' || t, 'municipal_team'
		from generate_series(1, 10) t on conflict do nothing`, [m1, m2]);
	await client.query(`insert into memberships (organisation_id, profile_id, role)
		select ('00000000-0000-4000-8000-0000000b' || lpad(t::text, 4, '0'))::uuid, $1, 'officer' from generate_series(1, 5) t
		on conflict do nothing`, [OFFICER]);
	// The officer also leads two teams: the inbox then lists their open reconsiderations too.
	await client.query(`insert into team_leads (organisation_id, profile_id)
		select ('00000000-0000-4000-8000-0000000b' || lpad(t::text, 4, '0'))::uuid, $1 from generate_series(1, 2) t
		on conflict do nothing`, [OFFICER]);
	await client.query(`delete from initiative_ask_settings where municipality_id in ($1, $2)`, [m1, m2]);
	await client.query(`
		insert into initiative_ask_settings (municipality_id, kind, team_id, working_days, on_timeout, max_amount)
		select m.id, k.kind, ('00000000-0000-4000-8000-0000000b' || lpad((m.base + (k.n % 5) + 1)::text, 4, '0'))::uuid,
		       10, case when k.kind in ('materials', 'space') then 'yes' else 'escalate' end::ask_on_timeout, 2500
		from (values ($1::uuid, 0), ($2::uuid, 5)) m(id, base),
		     unnest(enum_range(null::ask_kind)) with ordinality k(kind, n)`, [m1, m2]);
	const initiatives = ASKS / PER_INITIATIVE;
	await client.query(`
		insert into initiatives (id, founder_id, municipality_id, area_id, name, description, status, sent_at)
		select ('20000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-4000-8000-000000000304', $1,
		       case when g % 2 = 0 then '00000000-0000-4000-8000-000000000102' else '00000000-0000-4000-8000-00000000b102' end::uuid,
		       'Plan ' || g, 'Een plan voor de buurt.', 'sent', now() - ((g % 1095) || ' days')::interval
		from generate_series(1, ${initiatives}) g`, [m1]);
	// Five asks per initiative, the kinds in turn.
	const details = `case k ${KINDS.map((k) => `when '${k}' then ${DETAILS[k]}`).join(' ')} end`;
	await client.query(`
		insert into initiative_asks (initiative_id, kind, details, sent_on, due_on, on_timeout)
		select i.id, k, ${details}, (i.sent_at at time zone 'Europe/Amsterdam')::date,
		       (i.sent_at at time zone 'Europe/Amsterdam')::date + 14,
		       case when k in ('materials', 'space') then 'yes' else 'escalate' end::ask_on_timeout
		from initiatives i cross join generate_series(0, ${PER_INITIATIVE - 1}) n,
		     lateral (select (enum_range(null::ask_kind))[1 + (right(i.id::text, 12)::int + n) % ${KINDS.length}] as k) kind
		where i.id::text like '20000000-%'`);
	// Nearly every ask is answered within a few weeks: yes, yes with conditions, or no with its three parts.
	await client.query(`
		insert into initiative_answers (ask_id, officer_id, decision, info, conditions, reason, explanation, alternative, created_at)
		select a.id, $1, d.decision,
		       'Goed plan.', case when d.decision = 'yes_if' then array['Ruim alles op.'] else '{}' end,
		       case when d.decision = 'no_because' then 'cost'::refusal_reason end,
		       case when d.decision = 'no_because' then 'Het is te duur.' end,
		       case when d.decision = 'no_because' then 'Een kleinere versie kan wel.' end,
		       (a.sent_on + (abs(hashtext(a.id::text)) % 25))::timestamptz + interval '10 hours'
		from initiative_asks a
		cross join lateral (select (array['yes','yes','yes','yes_if','yes_if','no_because'])[1 + abs(hashtext(a.id::text || 'd')) % 6]::ask_decision as decision) d
		where a.initiative_id::text like '20000000-%' and a.sent_on + (abs(hashtext(a.id::text)) % 25) < current_date`, [OFFICER]);
	await client.query(`
		insert into initiative_reconsiderations (answer_id, ask_id, asked_by, reason)
		select x.id, x.ask_id, '00000000-0000-4000-8000-000000000304', 'Kijk nog eens.'
		from initiative_answers x where x.decision = 'no_because' and abs(hashtext(x.id::text)) % 10 = 0`);
	await client.query('analyze');
	const { rows } = await client.query(`select count(*) filter (where answered_at is null)::int as open, count(*)::int as all from initiative_asks where sent_on is not null`);
	console.log(`  ${rows[0].all} asks, ${rows[0].open} without an answer`);
}

/** What /gemeente asks for (initiatives/answers.ts listInbox). */
const INBOX = 'select officer_inbox()';

function quarters() {
	const out = [];
	const now = new Date();
	for (let i = 0; i < 12; i++) {
		const start = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 - i * 3, 1));
		const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 1));
		out.push([start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)]);
	}
	return out;
}

async function time(client, runs, query) {
	const times = [];
	for (let i = 0; i < runs; i++) {
		const start = process.hrtime.bigint();
		await query(i);
		times.push(Number(process.hrtime.bigint() - start) / 1e6);
	}
	times.sort((a, b) => a - b);
	return { p50: times[Math.floor(times.length * 0.5)], p95: times[Math.floor(times.length * 0.95)] };
}

/** As the officer, through RLS, as PostgREST runs it. */
async function asOfficer(client) {
	await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: OFFICER, role: 'authenticated' })]);
	await client.query('set local role authenticated');
}

/** The inbox as the officer; the accountability page's two calls as anon (security definer functions). */
async function measureAll(client, runs) {
	const qs = quarters();
	await client.query('savepoint measuring');
	await asOfficer(client);
	const inbox = await time(client, runs, () => client.query(INBOX));
	await client.query('rollback to savepoint measuring');
	const accountability = await time(client, runs, (i) => client.query('select * from initiative_accountability($1, $2)', qs[i % qs.length]));
	const figures = await time(client, runs, () => client.query('select * from initiative_figures()'));
	return { inbox, accountability, figures };
}

export async function benchInitiatives(site) {
	const client = new pg.Client({ connectionString: site.stack.dbUrl });
	await client.connect();
	await generate(client);
	await client.query('begin');
	await measureAll(client, 4); // warm up
	const withIndexes = await measureAll(client, 48);
	console.log(`  with indexes: inbox p95 ${withIndexes.inbox.p95.toFixed(1)} ms, accountability p95 ${withIndexes.accountability.p95.toFixed(1)} ms, figures p95 ${withIndexes.figures.p95.toFixed(1)} ms`);
	await client.query('drop index initiative_asks_open_idx');
	await client.query('drop index initiative_asks_due_idx');
	await client.query('drop index initiative_asks_sent_on_idx');
	await client.query('drop index initiative_answers_ask_idx');
	await client.query('drop index initiative_reconsiderations_open_idx');
	await client.query('analyze initiative_asks, initiative_answers, initiative_reconsiderations');
	const without = await measureAll(client, 12);
	await client.query('rollback');
	await client.end();
	const line = (name, w, wo) =>
		`  ${name}\n    with indexes:    p50 ${w.p50.toFixed(2)} ms, p95 ${w.p95.toFixed(2)} ms (target p95 ≤ 50 ms)\n    without indexes: p50 ${wo.p50.toFixed(2)} ms, p95 ${wo.p95.toFixed(2)} ms (${(wo.p95 / w.p95).toFixed(1)}× the p95)`;
	console.log(`\nInitiatives (${ASKS} asks, three years, seven kinds, ten teams):`);
	console.log(line("officer's inbox (officer_inbox(), as the officer)", withIndexes.inbox, without.inbox));
	console.log(line('accountability for one quarter', withIndexes.accountability, without.accountability));
	console.log(line('figures for all time (same page)', withIndexes.figures, without.figures));
}
