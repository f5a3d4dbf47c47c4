// The municipality's settings for initiatives against the real stack: who may change them (RLS
// per role), the database's own refusals (a permit never yes by silence, a team of another
// municipality, a reason not on the kind's list), the audit log, the team per area, and the
// municipality's days off in the deadlines, day by day in step with the TypeScript rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { areas, asAnon, asUser, env, people, sql } from './helpers';
import { daysOff, type Calendar } from '../../src/lib/initiatives/working-days';
import { saveKindSettings, saveCalendar, readInitiativeSettings } from '../../src/lib/server/initiatives/settings';
import { answerAsk } from '../../src/lib/server/initiatives/answers';

const HEUVELRIJK = '00000000-0000-4000-8000-000000000001';
const SAMENLEVING = '00000000-0000-4000-8000-000000000203';
const other = { municipality: randomUUID(), team: randomUUID(), officer: randomUUID(), area: randomUUID() };
const noordTeam = randomUUID();
let plainOfficer: string;
let admin: string;

async function newPerson(name: string): Promise<string> {
	const [row] = await sql<{ id: string }>(`insert into profiles (display_name, area_id, email, onboarded_at) values ($1, $2, $3, now()) returning id`, [
		name,
		areas.centrum,
		`${name.toLowerCase().replace(/\W/g, '')}.${randomUUID().slice(0, 8)}@voorbeeld.nl`
	]);
	return row.id;
}

const taskRow = () =>
	sql<{ working_days: number; on_timeout: string }>(`select working_days, on_timeout::text from initiative_ask_settings where municipality_id = $1 and kind = 'task'`, [HEUVELRIJK]).then((r) => r[0]);

beforeAll(async () => {
	await import('../../src/lib/server/domains'); // the notification kinds an answer uses
	// Another municipality with its own team, whose officer leads it; in Heuvelrijk a second team,
	// an officer who leads nothing, and an administrator.
	await sql(`insert into municipalities (id, name) values ($1, 'Gemeente Elders')`, [other.municipality]);
	await sql(`insert into areas (id, municipality_id, name, kind, latitude, longitude) values ($1, $2, 'Elders-Dorp', 'dorp', 51.0, 5.9)`, [other.area, other.municipality]);
	await sql(`insert into organisations (id, municipality_id, name, kind) values ($1, $2, 'Gemeente Elders, team Wijken', 'municipal_team')`, [other.team, other.municipality]);
	await sql(`insert into profiles (id, display_name, email, onboarded_at) values ($1, 'Olaf Elders', $2, now())`, [other.officer, `olaf.${other.officer.slice(0, 8)}@voorbeeld.nl`]);
	await sql(`insert into memberships (organisation_id, profile_id, role) values ($1, $2, 'officer')`, [other.team, other.officer]);
	await sql(`insert into team_leads (organisation_id, profile_id) values ($1, $2)`, [other.team, other.officer]);
	await sql(`insert into organisations (id, municipality_id, name, kind) values ($1, $2, 'Gemeente Heuvelrijk, team Noord', 'municipal_team')`, [noordTeam, HEUVELRIJK]);
	plainOfficer = await newPerson('Otto Medewerker');
	await sql(`insert into memberships (organisation_id, profile_id, role) values ($1, $2, 'officer')`, [SAMENLEVING, plainOfficer]);
	admin = await newPerson('Anna Beheer');
	await sql(`insert into memberships (organisation_id, profile_id, role) values ($1, $2, 'admin')`, [SAMENLEVING, admin]);
});

afterAll(async () => {
	await sql(
		`update initiative_ask_settings set working_days = 20, on_timeout = 'escalate', refusal_reasons = default, condition_templates = '{}'
		 where municipality_id = $1 and kind in ('task', 'contact')`,
		[HEUVELRIJK]
	);
	await sql(`update initiative_ask_settings set working_days = 5 where municipality_id = $1 and kind = 'contact'`, [HEUVELRIJK]);
	await sql(`delete from initiative_area_teams where municipality_id = $1`, [HEUVELRIJK]);
	await sql(`delete from municipality_calendars where municipality_id = $1`, [HEUVELRIJK]);
	await sql(`delete from profiles where id = any ($1::uuid[])`, [[other.officer, plainOfficer, admin]]);
	await sql(`delete from organisations where id = any ($1::uuid[])`, [[other.team, noordTeam]]);
	await sql(`delete from areas where id = $1`, [other.area]);
	await sql(`delete from municipalities where id = $1`, [other.municipality]);
});

describe('who may change how the municipality answers (RLS per role)', () => {
	it('a team lead and the administrator may; the database says so', async () => {
		for (const who of [people.ahmed, admin]) {
			const db = await asUser(who);
			expect((await db.rpc('can_configure_initiatives', { p_municipality: HEUVELRIJK })).data).toBe(true);
			const saved = await db.from('initiative_ask_settings').update({ working_days: 21 }).eq('municipality_id', HEUVELRIJK).eq('kind', 'task').select('working_days');
			expect(saved.data).toEqual([{ working_days: 21 }]);
		}
	});

	it('an officer who leads no team, an officer of another municipality, a resident and anon may not', async () => {
		await sql(`update initiative_ask_settings set working_days = 20 where municipality_id = $1 and kind = 'task'`, [HEUVELRIJK]);
		for (const db of [await asUser(plainOfficer), await asUser(other.officer), await asUser(people.truus)]) {
			const changed = await db.from('initiative_ask_settings').update({ working_days: 3 }).eq('municipality_id', HEUVELRIJK).eq('kind', 'task').select('kind');
			expect(changed.data ?? []).toEqual([]);
			const upsert = await db
				.from('initiative_ask_settings')
				.upsert({ municipality_id: HEUVELRIJK, kind: 'task', working_days: 3 }, { onConflict: 'municipality_id,kind' });
			expect(upsert.error?.code).toBe('42501');
			const calendar = await db.from('municipality_calendars').upsert({ municipality_id: HEUVELRIJK, good_friday_off: true }, { onConflict: 'municipality_id' });
			expect(calendar.error?.code).toBe('42501');
			const area = await db.from('initiative_area_teams').insert({ area_id: areas.noord, kind: 'task', team_id: noordTeam, municipality_id: HEUVELRIJK });
			expect(area.error?.code).toBe('42501');
		}
		const anon = await asAnon();
		expect((await anon.from('initiative_ask_settings').update({ working_days: 3 }).eq('kind', 'task').select('kind')).error?.code).toBe('42501');
		expect((await anon.from('municipality_calendars').select('*')).error?.code).toBe('42501');
		expect((await anon.from('initiative_area_teams').select('*')).error?.code).toBe('42501');
		expect(await taskRow()).toMatchObject({ working_days: 20 });
	});

	it('the officer of another municipality may change their own', async () => {
		const olaf = await asUser(other.officer);
		const saved = await olaf.from('initiative_ask_settings').insert({ municipality_id: other.municipality, kind: 'green', working_days: 8, team_id: other.team }).select('working_days');
		expect(saved.error).toBeNull();
		// … but not give the asks to a team of Heuvelrijk
		const foreign = await olaf.from('initiative_ask_settings').update({ team_id: SAMENLEVING }).eq('municipality_id', other.municipality).eq('kind', 'green');
		expect(foreign.error?.code).toBe('23514');
	});
});

describe('the database refuses what cannot be, whoever sends it', () => {
	it('a permit can never be yes by silence: the refusal stands at the choice', async () => {
		const ahmed = await asUser(people.ahmed);
		const direct = await ahmed.from('initiative_ask_settings').update({ on_timeout: 'yes' }).eq('municipality_id', HEUVELRIJK).eq('kind', 'permit');
		expect(direct.error?.code).toBe('23514');
		const settings = await readInitiativeSettings(ahmed, HEUVELRIJK);
		const permit = settings.kinds.find((k) => k.kind === 'permit')!;
		const refused = await saveKindSettings(ahmed, HEUVELRIJK, 'permit', {
			team_id: permit.team_id ?? '', working_days: 10, on_timeout: 'yes', max_amount: '', refusal_reasons: permit.refusal_reasons,
			condition_templates: '', area_teams: []
		});
		expect(refused).toEqual({ status: 400, field: 'on_timeout', message: 'initiatives.settings.errors.permit_silence' });
	});

	it('a no gives a reason from the kind’s own list', async () => {
		await sql(`update initiative_ask_settings set refusal_reasons = '{cost,other}' where municipality_id = $1 and kind = 'contact'`, [HEUVELRIJK]);
		const [initiative] = await sql<{ id: string }>(
			`insert into initiatives (founder_id, municipality_id, area_id, name, description, status, sent_at)
			 values ($1, $2, $3, 'Buurtkoor', 'Samen zingen.', 'sent', now()) returning id`,
			[people.truus, HEUVELRIJK, areas.noord]
		);
		const [ask] = await sql<{ id: string }>(
			`insert into initiative_asks (initiative_id, kind, details, sent_on, due_on, on_timeout)
			 values ($1, 'contact', '{"who": "het koor"}', today_nl(), today_nl() + 7, 'escalate') returning id`,
			[initiative.id]
		);
		const ahmed = await asUser(people.ahmed);
		const no = { info: '', conditions: '', explanation: 'Dat past niet.', alternative: 'Bel mij.', change_reason: '' };
		expect(await answerAsk(ahmed, ask.id, { ...no, decision: 'no_because', reason: 'safety' }, 'http://localhost')).toMatchObject({
			ok: false, field: 'reason', error: 'initiatives.errors.reason_not_listed'
		});
		expect(await answerAsk(ahmed, ask.id, { ...no, decision: 'no_because', reason: 'cost' }, 'http://localhost')).toEqual({ ok: true });
	});

	it('a yes with conditions takes the ticked templates and the typed conditions, in that order', async () => {
		const [initiative] = await sql<{ id: string }>(
			`insert into initiatives (founder_id, municipality_id, area_id, name, description, status, sent_at)
			 values ($1, $2, $3, 'Buurtkoor twee', 'Samen zingen.', 'sent', now()) returning id`,
			[people.truus, HEUVELRIJK, areas.noord]
		);
		const [ask] = await sql<{ id: string }>(
			`insert into initiative_asks (initiative_id, kind, details, sent_on, due_on, on_timeout)
			 values ($1, 'contact', '{"who": "het koor"}', today_nl(), today_nl() + 7, 'escalate') returning id`,
			[initiative.id]
		);
		const ahmed = await asUser(people.ahmed);
		const input = { decision: 'yes_if' as const, info: '', conditions: 'Zing niet na tien uur.', reason: '' as const, explanation: '', alternative: '', change_reason: '' };
		expect(await answerAsk(ahmed, ask.id, { ...input, templates: ['Ruim alles netjes op.'] }, 'http://localhost')).toEqual({ ok: true });
		const [answer] = await sql<{ conditions: string[] }>(`select conditions from initiative_answers where ask_id = $1`, [ask.id]);
		expect(answer.conditions).toEqual(['Ruim alles netjes op.', 'Zing niet na tien uur.']);
	});
});

describe('the audit log', () => {
	it('holds every change of configuration with the old and the new values', async () => {
		const ahmed = await asUser(people.ahmed);
		const since = (await sql<{ id: number }>(`select coalesce(max(id), 0) as id from audit_log`))[0].id;
		const settings = await readInitiativeSettings(ahmed, HEUVELRIJK);
		const task = settings.kinds.find((k) => k.kind === 'task')!;
		expect(
			await saveKindSettings(ahmed, HEUVELRIJK, 'task', {
				team_id: SAMENLEVING, working_days: 12, on_timeout: 'yes', max_amount: '', refusal_reasons: task.refusal_reasons,
				condition_templates: 'Houd het schoon.\nMeld het bij de buren.', area_teams: [`${areas.noord}:${noordTeam}`]
			})
		).toBeNull();
		expect(await saveCalendar(ahmed, HEUVELRIJK, { good_friday_off: true, liberation_day_every_year: false })).toBeNull();
		const log = await sql<{ actor_id: string; table: string; before: { working_days?: number } | null; after: { working_days?: number; condition_templates?: string[] } }>(
			`select actor_id, details ->> 'table' as table, details -> 'before' as before, details -> 'after' as after
			 from audit_log where id > $1 and action = 'initiative.settings_changed' order by id`,
			[since]
		);
		expect(log.map((l) => [l.actor_id, l.table])).toEqual([
			[people.ahmed, 'initiative_ask_settings'],
			[people.ahmed, 'initiative_area_teams'],
			[people.ahmed, 'municipality_calendars']
		]);
		expect(log[0].before?.working_days).toBe(20);
		expect(log[0].after).toMatchObject({ working_days: 12, on_timeout: 'yes', condition_templates: ['Houd het schoon.', 'Meld het bij de buren.'] });
		// Nobody can read another's entries through the API, nor change one.
		const truus = await asUser(people.truus);
		expect((await truus.from('audit_log').select('id').gt('id', since)).data).toEqual([]);
	});
});

describe('the team per area', () => {
	it('routes an ask from the area to its own team, others to the kind’s team', async () => {
		await sql(`insert into initiative_area_teams (area_id, kind, municipality_id, team_id) values ($1, 'contact', $2, $3)
		           on conflict (area_id, kind) do update set team_id = excluded.team_id`, [areas.noord, HEUVELRIJK, noordTeam]);
		const teamOf = async (area: string) => {
			const [i] = await sql<{ id: string }>(`insert into initiatives (founder_id, municipality_id, area_id, name, description) values ($1, $2, $3, 'Teamtest', 'x') returning id`, [
				people.truus, HEUVELRIJK, area
			]);
			const [a] = await sql<{ id: string }>(`insert into initiative_asks (initiative_id, kind, details) values ($1, 'contact', '{"who": "iemand"}') returning id`, [i.id]);
			return (await sql<{ team: string }>(`select public.team_of_ask($1) as team`, [a.id]))[0].team;
		};
		expect(await teamOf(areas.noord)).toBe(noordTeam);
		expect(await teamOf(areas.centrum)).toBe(SAMENLEVING);
	});

	it('counts an ask on the accountability page under the team that answers it in its area', async () => {
		await sql(`insert into initiative_area_teams (area_id, kind, municipality_id, team_id) values ($1, 'contact', $2, $3)
		           on conflict (area_id, kind) do update set team_id = excluded.team_id`, [areas.noord, HEUVELRIJK, noordTeam]);
		const sentAsk = async (area: string) => {
			const [i] = await sql<{ id: string }>(`insert into initiatives (founder_id, municipality_id, area_id, name, description) values ($1, $2, $3, 'Telt mee', 'x') returning id`, [
				people.truus, HEUVELRIJK, area
			]);
			await sql(`insert into initiative_asks (initiative_id, kind, details, sent_on, due_on, on_timeout) values ($1, 'contact', '{"who": "iemand"}', '2031-02-03', '2031-02-10', 'escalate')`, [i.id]);
		};
		await sentAsk(areas.noord);
		await sentAsk(areas.centrum);
		const rows = await sql<{ team_id: string; asks_sent: number }>(
			`select team_id, asks_sent from public.initiative_accountability('2031-01-01', '2031-04-01') where kind = 'contact' and municipality_id = $1 order by team_id`,
			[HEUVELRIJK]
		);
		expect(rows).toEqual(
			[
				{ team_id: noordTeam, asks_sent: 1 },
				{ team_id: SAMENLEVING, asks_sent: 1 }
			].sort((a, b) => a.team_id.localeCompare(b.team_id))
		);
		await sql(`delete from initiatives where name = 'Telt mee' and municipality_id = $1`, [HEUVELRIJK]);
	});

	it('keeps an answered ask with the team that had it when the settings change; a waiting ask moves to the new team', async () => {
		await sql(`delete from initiative_area_teams where area_id = $1 and kind = 'contact'`, [areas.centrum]);
		const sentAsk = async (name: string) => {
			const [i] = await sql<{ id: string }>(`insert into initiatives (founder_id, municipality_id, area_id, name, description) values ($1, $2, $3, $4, 'x') returning id`, [
				people.truus, HEUVELRIJK, areas.centrum, name
			]);
			const [a] = await sql<{ id: string; team_id: string }>(
				`insert into initiative_asks (initiative_id, kind, details, sent_on, due_on, on_timeout) values ($1, 'contact', '{"who": "iemand"}', '2032-02-03', '2032-02-10', 'escalate') returning id, team_id`,
				[i.id]
			);
			return a;
		};
		const answered = await sentAsk('Team blijft');
		const waiting = await sentAsk('Team verhuist');
		expect([answered.team_id, waiting.team_id]).toEqual([SAMENLEVING, SAMENLEVING]); // given when sent
		await sql(`insert into initiative_answers (ask_id, officer_id, decision, info, created_at) values ($1, $2, 'yes', 'Dat is goed.', '2032-02-05 10:00+01')`, [answered.id, people.ahmed]);
		// Centrum's contact asks now go to the Noord team.
		await sql(`insert into initiative_area_teams (area_id, kind, municipality_id, team_id) values ($1, 'contact', $2, $3)`, [areas.centrum, HEUVELRIJK, noordTeam]);
		const teams = await sql<{ id: string; team: string }>(`select id, public.team_of_ask(id) as team from initiative_asks where id = any ($1::uuid[])`, [[answered.id, waiting.id]]);
		expect(Object.fromEntries(teams.map((t) => [t.id, t.team]))).toEqual({ [answered.id]: SAMENLEVING, [waiting.id]: noordTeam });
		const rows = await sql<{ team_id: string; asks_sent: number; answered_yes: number }>(
			`select team_id, asks_sent, answered_yes from public.initiative_accountability('2032-01-01', '2032-04-01') where kind = 'contact' and municipality_id = $1 order by team_id`,
			[HEUVELRIJK]
		);
		expect(rows).toEqual(
			[
				{ team_id: SAMENLEVING, asks_sent: 1, answered_yes: 1 },
				{ team_id: noordTeam, asks_sent: 1, answered_yes: 0 }
			].sort((a, b) => a.team_id.localeCompare(b.team_id))
		);
		// Nobody signed in can set the team of an ask.
		const truus = await asUser(people.truus);
		expect((await truus.from('initiative_asks').update({ team_id: noordTeam } as never).eq('id', waiting.id)).error?.code).toBe('42501');
		await sql(`delete from initiative_area_teams where area_id = $1 and kind = 'contact'`, [areas.centrum]);
		await sql(`delete from initiatives where name in ('Team blijft', 'Team verhuist') and municipality_id = $1`, [HEUVELRIJK]);
	});

	it('refuses a team of another municipality for an area', async () => {
		const ahmed = await asUser(people.ahmed);
		const wrong = await ahmed.from('initiative_area_teams').upsert({ area_id: areas.heide, kind: 'green', team_id: other.team, municipality_id: HEUVELRIJK }, { onConflict: 'area_id,kind' });
		expect(wrong.error?.code).toBe('23514');
	});
});

describe('the municipality’s days off in the clock', () => {
	it('counts Good Friday and Liberation Day by setting, in step with the TypeScript rules, day by day', async () => {
		const combos: Calendar[] = [
			{ good_friday_off: false, liberation_day_every_year: false },
			{ good_friday_off: true, liberation_day_every_year: false },
			{ good_friday_off: false, liberation_day_every_year: true },
			{ good_friday_off: true, liberation_day_every_year: true }
		];
		for (const calendar of combos) {
			await sql(
				`insert into municipality_calendars (municipality_id, good_friday_off, liberation_day_every_year) values ($1, $2, $3)
				 on conflict (municipality_id) do update set good_friday_off = excluded.good_friday_off, liberation_day_every_year = excluded.liberation_day_every_year`,
				[other.municipality, calendar.good_friday_off, calendar.liberation_day_every_year]
			);
			const inSql = await sql<{ d: string }>(
				`select d::date::text as d from generate_series('2024-01-01'::date, '2035-12-31'::date, interval '1 day') d
				 where public.is_holiday_in(d::date, $1) order by d`,
				[other.municipality]
			);
			const inTs = Array.from({ length: 12 }, (_, i) => daysOff(2024 + i, calendar).map((d) => d.date)).flat();
			expect(inSql.map((r) => r.d), JSON.stringify(calendar)).toEqual(inTs);
		}
	});

	it('moves a deadline past Good Friday only where it is a day off', async () => {
		await sql(`insert into municipality_calendars (municipality_id, good_friday_off) values ($1, true)
		           on conflict (municipality_id) do update set good_friday_off = true`, [HEUVELRIJK]);
		const [row] = await sql<{ here: string; national: string; elsewhere: string }>(
			`select public.add_working_days_in('2026-04-02', 1, $1)::text as here, public.add_working_days('2026-04-02', 1)::text as national,
			        public.add_working_days_in('2026-04-02', 1, gen_random_uuid())::text as elsewhere`,
			[HEUVELRIJK]
		);
		expect(row).toEqual({ here: '2026-04-07', national: '2026-04-03', elsewhere: '2026-04-03' });
	});

	it('sending an initiative counts the municipality’s days off', async () => {
		const truus = await asUser(people.truus);
		const { data: initiative } = await truus.from('initiatives').insert({ name: 'Paasontbijt', description: 'Samen ontbijten.', area_id: areas.noord } as never).select('id').single();
		await truus.from('initiative_asks').insert({ initiative_id: initiative!.id, kind: 'contact', details: { who: 'de bakker' } });
		expect((await truus.rpc('send_initiative', { p_initiative: initiative!.id })).error).toBeNull();
		const [ask] = await sql<{ ok: boolean }>(
			`select due_on = public.add_working_days_in(sent_on, s.working_days, i.municipality_id) as ok
			 from initiative_asks a join initiatives i on i.id = a.initiative_id
			 join initiative_ask_settings s on s.municipality_id = i.municipality_id and s.kind = a.kind where a.initiative_id = $1`,
			[initiative!.id]
		);
		expect(ask.ok).toBe(true);
	});

	/** Truus's initiative with one sent contact ask due on `due`; its id and the ask's. */
	async function sentAskDueOn(name: string, due: string) {
		const truus = await asUser(people.truus);
		const { data: initiative } = await truus.from('initiatives').insert({ name, description: 'Samen iets doen.', area_id: areas.noord } as never).select('id').single();
		await truus.from('initiative_asks').insert({ initiative_id: initiative!.id, kind: 'contact', details: { who: 'de bakker' } });
		expect((await truus.rpc('send_initiative', { p_initiative: initiative!.id })).error).toBeNull();
		const [ask] = await sql<{ id: string }>(`update initiative_asks set due_on = $2 where initiative_id = $1 returning id`, [initiative!.id, due]);
		return { initiative: initiative!.id, ask: ask.id, truus };
	}

	async function setCalendar(calendar: Calendar) {
		await sql(
			`insert into municipality_calendars (municipality_id, good_friday_off, liberation_day_every_year) values ($1, $2, $3)
			 on conflict (municipality_id) do update set good_friday_off = excluded.good_friday_off, liberation_day_every_year = excluded.liberation_day_every_year`,
			[HEUVELRIJK, calendar.good_friday_off, calendar.liberation_day_every_year]
		);
	}

	it('the founder’s "working days left" skips the municipality’s days off (Good Friday and 5 May 2027)', async () => {
		const { ask, truus } = await sentAskDueOn('Lentemarkt', '2027-05-10');
		const left = async () => (await truus.from('initiative_ask_states').select('working_days_left').eq('id', ask).single()).data!.working_days_left;
		await setCalendar({ good_friday_off: false, liberation_day_every_year: false });
		const national = await left();
		const [expected] = await sql<{ n: number }>(`select public.working_days_between(public.today_nl(), '2027-05-10') as n`);
		expect(national).toBe(expected.n);
		await setCalendar({ good_friday_off: true, liberation_day_every_year: false });
		expect(await left()).toBe(national! - 1);
		await setCalendar({ good_friday_off: true, liberation_day_every_year: true });
		expect(await left()).toBe(national! - 2);
	});

	it('the two-day reminder and the figures count the municipality’s days off', async () => {
		await setCalendar({ good_friday_off: true, liberation_day_every_year: false });
		// Due Wednesday 31 March 2027: from Thursday the 25th that is Tuesday 30th and Wednesday, two
		// working days (Good Friday off, Easter Monday the 29th), so the team is reminded; nationally
		// it is three (Good Friday counts).
		const { ask } = await sentAskDueOn('Paasmarkt', '2027-03-31');
		// Claimed in a transaction that is rolled back: the claim marks every ask it finds as reminded.
		const client = new pg.Client({ connectionString: env.DATABASE_URL });
		await client.connect();
		try {
			const claim = `select ask_id, kind from public.claim_initiative_reminders('2027-03-25') where ask_id = $1`;
			await client.query('begin');
			expect((await client.query(claim, [ask])).rows).toEqual([{ ask_id: ask, kind: 'due_soon' }]);
			await client.query('rollback');
			await client.query('begin');
			await client.query(`update municipality_calendars set good_friday_off = false where municipality_id = $1`, [HEUVELRIJK]);
			expect((await client.query(claim, [ask])).rows).toEqual([]);
		} finally {
			await client.query('rollback');
			await client.end();
		}
		// An answer given on Wednesday 31 March to an ask sent on Wednesday 24 March took three
		// working days here (25, 30, 31), four nationally. (Written straight in: its date is in 2027.)
		await sql(`update initiative_asks set sent_on = '2027-03-24' where id = $1`, [ask]);
		await sql(`insert into initiative_answers (ask_id, officer_id, decision, info, created_at) values ($1, $2, 'yes', 'Dat is goed.', '2027-03-31 10:00+02')`, [ask, people.ahmed]);
		const [row] = await sql<{ days: number; national: number }>(
			`select answered_working_days as days, public.working_days_between(sent_on, '2027-03-31') as national from initiative_asks where id = $1`,
			[ask]
		);
		expect(row.national).toBe(4);
		expect(row.days).toBe(3);
	});
});
