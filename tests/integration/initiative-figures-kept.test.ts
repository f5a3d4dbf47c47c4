// The public figures count answered asks from kept counts (initiative_figures_kept, by trigger) and
// unanswered asks live. After every kind of change (a first answer, a newer decision, a deadline
// passing, an initiative deleted with its asks) they equal a fresh count over every ask.
import { afterAll, describe, expect, it } from 'vitest';
import { asAnon, people, sql } from './helpers';

const HEUVELRIJK = '00000000-0000-4000-8000-000000000001';

// The figures as the function counted them before the kept counts: every ask, every call.
const FRESH = `
  with asks as (
    select i.municipality_id, a.kind, a.due_on, a.on_timeout, a.answered_at, a.answered_working_days, a.decision_now,
           (a.answered_at at time zone 'Europe/Amsterdam')::date as first_day
    from initiative_asks a join initiatives i on i.id = a.initiative_id
    where a.sent_on is not null
  )
  select m.municipality_id, mu.name as municipality, m.kind,
         count(*)::int as asks_sent,
         count(m.answered_at)::int as answered,
         count(*) filter (where m.first_day <= m.due_on)::int as answered_on_time,
         count(*) filter (where m.decision_now = 'no_because')::int as refused,
         count(*) filter (where m.answered_at is null and m.on_timeout = 'yes' and today_nl() > m.due_on)::int as yes_by_silence,
         count(*) filter (where m.answered_at is null and m.on_timeout = 'escalate' and today_nl() > m.due_on)::int as late_open,
         percentile_cont(0.5) within group (order by m.answered_working_days) as median_working_days
  from asks m join municipalities mu on mu.id = m.municipality_id
  group by grouping sets ((m.municipality_id, mu.name), (m.municipality_id, mu.name, m.kind))`;

type Row = { municipality_id: string; kind: string | null; median_working_days: unknown } & Record<string, unknown>;
const tidy = (rows: Row[]) =>
	rows
		.map((r) => ({ ...r, median_working_days: r.median_working_days === null ? null : Number(r.median_working_days) }))
		.sort((a, b) => `${a.municipality_id}${a.kind ?? ''}`.localeCompare(`${b.municipality_id}${b.kind ?? ''}`));

async function expectSameAsFresh() {
	const { data, error } = await (await asAnon()).rpc('initiative_figures');
	expect(error).toBeNull();
	expect(tidy(data as Row[])).toEqual(tidy(await sql<Row>(FRESH)));
}

let initiative = '';
afterAll(async () => {
	if (initiative) await sql('delete from initiatives where id = $1', [initiative]);
});

describe('initiative_figures() from kept counts', () => {
	it('equals a fresh count over every ask, after answers, a newer decision, a deadline passing and a delete', async () => {
		await expectSameAsFresh();

		[{ id: initiative }] = await sql<{ id: string }>(
			`insert into initiatives (founder_id, municipality_id, name) values ($1, $2, 'Telling klopt') returning id`,
			[people.truus, HEUVELRIJK]
		);
		const asks = await sql<{ id: string }>(
			`insert into initiative_asks (initiative_id, kind, details, sent_on, due_on, on_timeout)
			 select $1, k::ask_kind, x::jsonb, current_date - 20, current_date + d, t::ask_on_timeout
			 from (values ('contact', '{"who": "De buurtsportcoach"}', 5, 'yes'),
			              ('contact', '{"who": "Het wijkteam"}', -3, 'yes'),
			              ('green', '{"place": "Het veldje", "use": "Moestuin"}', -2, 'escalate'),
			              ('green', '{"place": "De hoek", "use": "Bankje"}', 3, 'escalate')) v(k, x, d, t)
			 returning id`,
			[initiative]
		);
		await expectSameAsFresh();

		// a first answer on time, one late; then a newer decision on the first
		await sql(`update initiative_asks set answered_at = now() - interval '1 day', answered_working_days = 7, decision_now = 'yes' where id = $1`, [asks[0].id]);
		await sql(`update initiative_asks set answered_at = now(), answered_working_days = 15, decision_now = 'yes_if' where id = $1`, [asks[3].id]);
		await expectSameAsFresh();
		await sql(`update initiative_asks set decision_now = 'no_because' where id = $1`, [asks[0].id]);
		await expectSameAsFresh();

		// a deadline moves into the past: yes by silence and late follow today, not a timer
		await sql(`update initiative_asks set due_on = current_date - 1 where kind = 'green' and due_on > current_date and id = any ($1::uuid[])`, [asks.map((a) => a.id)]);
		await expectSameAsFresh();

		// the initiative deleted with its asks (a profile deleted): its counts go with it
		await sql('delete from initiatives where id = $1', [initiative]);
		initiative = '';
		await expectSameAsFresh();
		expect(await sql('select * from initiative_figures_kept where n < 0')).toEqual([]);
	});

	it('the kept counts are closed to everyone but the function', async () => {
		expect((await (await asAnon()).from('initiative_figures_kept').select('*')).error).not.toBeNull();
	});
});
