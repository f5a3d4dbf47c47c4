// Carers every year again, on the real stack: last year's carers are invited once when the window
// opens, reminded once before it closes if they have not applied, and told once about Dag van de
// Mantelzorg; the once-only rule lives in the database (a unique row per message), so a second or
// a parallel run tells nobody twice, and a person's choice "never by e-mail" is honoured. And
// the activities of the day: who may add them, sign up (a full one is refused) and see whom.
import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { asAnon, asUser, env, people, sql } from './helpers';
import { sendYearlyMessages } from '../../src/lib/server/carers/jobs';

const origin = 'http://omzien.test';
const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()));
const here = { municipality: randomUUID(), team: randomUUID(), officer: randomUUID() };
const there = { municipality: randomUUID(), team: randomUUID(), officer: randomUUID() };
const carers = { anna: randomUUID(), bert: randomUUID(), cor: randomUUID(), dina: randomUUID() };
const emailOf = (id: string) => `carer.${id.slice(0, 8)}@voorbeeld.nl`;

mkdirSync(env.DEV_MAILBOX_DIR, { recursive: true });
const mailsTo = (email: string, subject: string) =>
	readdirSync(env.DEV_MAILBOX_DIR)
		.map((f) => JSON.parse(readFileSync(path.join(env.DEV_MAILBOX_DIR, f), 'utf8')))
		.filter((m) => m.to === email && m.subject === subject);

/** An application of an earlier year (or of this year), written as the owner: the window of then is not the window of now. */
async function pastApplication(carer: string, forYear: number): Promise<string> {
	const id = randomUUID();
	await sql(
		`begin;
		 set local session_replication_role = replica;
		 insert into carer_applications (id, municipality_id, year, carer_id, applied_by, relationship, cared_for_name, cared_for_postcode,
		   cared_for_house_number, caring_since, hours, cared_for_lives_here, payout, status)
		 values ('${id}', '${here.municipality}', ${forYear}, '${carer}', '${carer}', 'parent', 'Moeder', '6211AB', '3', '2020-01-01',
		   'over_16', true, 'voucher', 'approved');
		 commit;`
	);
	return id;
}

async function notificationsOf(carer: string, kind: string) {
	const [row] = await sql<{ n: number }>('select count(*)::int as n from notifications where profile_id = $1 and kind = $2', [carer, kind]);
	return row.n;
}

async function addActivity(officer: string, overrides: Record<string, unknown> = {}) {
	const db = await asUser(officer);
	return db
		.from('carer_activities')
		.insert({
			municipality_id: here.municipality,
			year,
			title: 'Koffie en taart',
			place: 'Buurthuis De Linde',
			starts_at: new Date(Date.now() + 30 * 86_400_000).toISOString(),
			description: 'Samen koffie drinken.',
			places: 2,
			created_by: officer,
			...overrides
		})
		.select('id')
		.single();
}

beforeAll(async () => {
	for (const m of [here, there]) {
		await sql(`insert into municipalities (id, name) values ($1, $2)`, [m.municipality, `Gemeente ${m.municipality.slice(0, 6)}`]);
		await sql(`insert into organisations (id, municipality_id, name, kind) values ($1, $2, 'Team Mantelzorg', 'municipal_team')`, [m.team, m.municipality]);
		await sql(`insert into profiles (id, display_name, email, onboarded_at) values ($1, 'Ambtenaar', $2, now())`, [m.officer, emailOf(m.officer)]);
		await sql(`insert into memberships (organisation_id, profile_id, role) values ($1, $2, 'officer')`, [m.team, m.officer]);
	}
	for (const [name, id] of Object.entries(carers)) {
		await sql(`insert into profiles (id, display_name, email, onboarded_at) values ($1, $2, $3, now())`, [id, `${name} Zorg`, emailOf(id)]);
	}
	// Last year's rules, and this year's window from 1 March to 31 May, reminding 14 days before it closes.
	await sql(
		`insert into carer_settings (municipality_id, year, opens_on, closes_on, payout_options, amount_cents, remind_days_before)
		 values ($1, $2 - 1, make_date($2 - 1, 3, 1), make_date($2 - 1, 5, 31), '{voucher}', 10000, 14),
		        ($1, $2, make_date($2, 3, 1), make_date($2, 5, 31), '{voucher}', 10000, 14)`,
		[here.municipality, year]
	);
	// Anna, Bert and Cor applied last year; Cor applied this year already; Dina never did.
	for (const c of [carers.anna, carers.bert, carers.cor]) await pastApplication(c, year - 1);
	await pastApplication(carers.cor, year);
	// Bert wants no e-mail about the invitation.
	await sql(`insert into notification_preferences (profile_id, kind, frequency) values ($1, 'carer_invited', 'never')`, [carers.bert]);
});

describe('the yearly round, once per message', () => {
	it('sends nothing before the window opens', async () => {
		await sendYearlyMessages(origin, `${year}-02-28`);
		const [row] = await sql<{ n: number }>('select count(*)::int as n from carer_invitations where municipality_id = $1', [here.municipality]);
		expect(row.n).toBe(0);
	});

	it('invites last year carers once when the window opens, not who applied already, and honours "never by e-mail"', async () => {
		await sendYearlyMessages(origin, `${year}-03-01`);
		await sendYearlyMessages(origin, `${year}-03-02`); // the next day, or a retried job: nobody twice
		expect(await notificationsOf(carers.anna, 'carer_invited')).toBe(1);
		expect(await notificationsOf(carers.bert, 'carer_invited')).toBe(1);
		expect(await notificationsOf(carers.cor, 'carer_invited')).toBe(0);
		expect(await notificationsOf(carers.dina, 'carer_invited')).toBe(0);
		expect(mailsTo(emailOf(carers.anna), 'Vraag weer het bedankje voor mantelzorgers')).toHaveLength(1);
		expect(mailsTo(emailOf(carers.anna), 'Vraag weer het bedankje voor mantelzorgers')[0].text).toContain(`${origin}/mantelzorg`);
		expect(mailsTo(emailOf(carers.bert), 'Vraag weer het bedankje voor mantelzorgers')).toHaveLength(0);
	});

	it('claims each message once even when two runs race', async () => {
		const runs = await Promise.all([1, 2, 3].map(() => sql<{ carer_id: string }>(`select carer_id from carer_claim_yearly(make_date(${year}, 3, 3))`)));
		const ours = runs.flat().filter((r) => (Object.values(carers) as string[]).includes(r.carer_id));
		expect(ours).toEqual([]); // all were claimed on 1 March already
		const [row] = await sql<{ n: number }>(
			`select count(*)::int as n from carer_invitations where municipality_id = $1 and kind = 'invite'`,
			[here.municipality]
		);
		expect(row.n).toBe(2);
	});

	it('reminds once, in the last days, only those who have not applied this year', async () => {
		await sendYearlyMessages(origin, `${year}-05-16`); // 15 days before: too early
		expect(await notificationsOf(carers.bert, 'carer_window_closing')).toBe(0);
		await pastApplication(carers.anna, year); // Anna applied after the invitation
		await sendYearlyMessages(origin, `${year}-05-17`);
		await sendYearlyMessages(origin, `${year}-05-30`);
		expect(await notificationsOf(carers.bert, 'carer_window_closing')).toBe(1);
		expect(await notificationsOf(carers.anna, 'carer_window_closing')).toBe(0);
		expect(mailsTo(emailOf(carers.bert), 'Nog een paar dagen om het bedankje te vragen')).toHaveLength(1);
	});

	it('tells the carers about Dag van de Mantelzorg once, only when there are activities', async () => {
		await sendYearlyMessages(origin, `${year}-11-05`);
		expect(await notificationsOf(carers.anna, 'carer_day')).toBe(0);
		const { error } = await addActivity(here.officer, { title: 'Lunch voor mantelzorgers', places: 50 });
		expect(error).toBeNull();
		await sendYearlyMessages(origin, `${year}-10-31`); // too early
		expect(await notificationsOf(carers.anna, 'carer_day')).toBe(0);
		await sendYearlyMessages(origin, `${year}-11-05`);
		await sendYearlyMessages(origin, `${year}-11-10`);
		for (const c of [carers.anna, carers.bert, carers.cor]) expect(await notificationsOf(c, 'carer_day')).toBe(1);
		expect(await notificationsOf(carers.dina, 'carer_day')).toBe(0);
		expect(mailsTo(emailOf(carers.cor), '10 november: Dag van de Mantelzorg')).toHaveLength(1);
	});

	it('lets nobody but the job claim messages, and each carer read only their own', async () => {
		const { error } = await (await asUser(carers.anna)).rpc('carer_claim_yearly', {});
		expect(error?.code).toBe('42501');
		const { data } = await (await asUser(carers.anna)).from('carer_invitations').select('carer_id, kind');
		expect(data?.length).toBeGreaterThan(0);
		expect(new Set(data?.map((r) => r.carer_id))).toEqual(new Set([carers.anna]));
		const anon = await (await asAnon()).from('carer_invitations').select('id');
		expect(anon.data ?? []).toEqual([]);
		const officer = await (await asUser(here.officer)).from('carer_invitations').select('id');
		expect(officer.data).toEqual([]);
	});
});

describe('activities of Dag van de Mantelzorg', () => {
	let activity = '';

	beforeAll(async () => {
		const { data, error } = await addActivity(here.officer);
		expect(error).toBeNull();
		activity = data!.id;
	});

	it('only officers of the municipality add or remove them', async () => {
		expect((await addActivity(there.officer)).error?.code).toBe('42501');
		expect((await addActivity(people.truus)).error?.code).toBe('42501');
		const removed = await (await asUser(there.officer)).from('carer_activities').delete().eq('id', activity).select('id');
		expect(removed.data).toEqual([]);
		const anon = await (await asAnon()).from('carer_activities').select('id');
		expect(anon.data ?? []).toEqual([]);
	});

	it('signs up until it is full; a full one is refused with its own message; cancelling frees the place', async () => {
		const join = async (who: string) => (await asUser(who)).rpc('carer_activity_sign_up', { p_activity: activity });
		expect((await join(carers.anna)).error).toBeNull();
		expect((await join(carers.anna)).error).toBeNull(); // twice is once
		expect((await join(carers.bert)).error).toBeNull();
		const full = await join(carers.cor);
		expect(full.error?.code).toBe('P0001');
		expect(full.error?.message).toBe('carers.errors.activity_full');
		expect((await (await asUser(carers.anna)).rpc('carer_activity_cancel', { p_activity: activity })).error).toBeNull();
		expect((await join(carers.cor)).error).toBeNull();
		const [row] = await sql<{ n: number }>('select count(*)::int as n from carer_activity_signups where activity_id = $1', [activity]);
		expect(row.n).toBe(2);
	});

	it('refuses an activity that is over', async () => {
		const { data } = await addActivity(here.officer, { starts_at: new Date(Date.now() - 86_400_000).toISOString() });
		const { error } = await (await asUser(carers.anna)).rpc('carer_activity_sign_up', { p_activity: data!.id });
		expect(error?.message).toBe('carers.errors.activity_past');
	});

	it('shows a carer only their own sign-ups, and the places left', async () => {
		const db = await asUser(carers.bert);
		const { data } = await db.from('carer_activity_signups').select('carer_id');
		expect(new Set(data?.map((r) => r.carer_id))).toEqual(new Set([carers.bert]));
		const list = await db.rpc('carer_activity_list', { p_municipality: here.municipality, p_year: year });
		const mine = list.data?.find((a) => a.id === activity);
		expect(mine).toMatchObject({ taken: 2, places: 2, mine: true });
		expect((await db.rpc('carer_activity_people', { p_activity: activity })).data).toEqual([]);
	});

	it('shows the officers of the municipality counts and names; another municipality sees nothing', async () => {
		const ours = await asUser(here.officer);
		const rows = await ours.from('carer_activity_signups').select('carer_id').eq('activity_id', activity);
		expect(rows.data).toHaveLength(2);
		const names = await ours.rpc('carer_activity_people', { p_activity: activity });
		expect(names.data?.map((p) => p.display_name).sort()).toEqual(['bert Zorg', 'cor Zorg']);
		const theirs = await asUser(there.officer);
		expect((await theirs.from('carer_activity_signups').select('carer_id').eq('activity_id', activity)).data).toEqual([]);
		expect((await theirs.rpc('carer_activity_people', { p_activity: activity })).data).toEqual([]);
		const anon = await (await asAnon()).from('carer_activity_signups').select('carer_id');
		expect(anon.data ?? []).toEqual([]);
	});
});

describe('removing a partner', () => {
	it('stops its staff from checking or redeeming codes, tells them, and adding it again brings it back', async () => {
		const email = `roos.${randomUUID().slice(0, 8)}@voorbeeld.nl`;
		const add = async () => (await asUser(here.officer)).rpc('carer_add_partner', { p_municipality: here.municipality, p_name: 'Bloemen Roos', p_email: email, p_accepts_vouchers: true, p_gifts: [] });
		const { data: partnerId, error } = await add();
		expect(error).toBeNull();
		const [shop] = await sql<{ id: string }>('select id from profiles where email = $1', [email]);
		const application = await pastApplication(carers.dina, year - 1);
		const code = 'ABCD-EFGH-JK' + String(Math.floor(Math.random() * 8) + 2) + 'M';
		await sql('insert into carer_vouchers (application_id, municipality_id, code, amount_cents) values ($1, $2, $3, 5000)', [application, here.municipality, code]);
		const check = async () => (await asUser(shop.id)).rpc('carer_voucher_check', { p_code: code });
		expect((await check()).data?.[0]?.state).toBe('valid');

		const elsewhere = await (await asUser(there.officer)).rpc('carer_remove_partner', { p_partner: partnerId as string });
		expect(elsewhere.error?.code).toBe('P0002');
		expect((await (await asUser(here.officer)).rpc('carer_remove_partner', { p_partner: partnerId as string })).error).toBeNull();

		const refused = await check();
		expect(refused.error?.code).toBe('42501');
		const redeem = await (await asUser(shop.id)).rpc('carer_voucher_redeem', { p_code: code });
		expect(redeem.error?.code).toBe('42501');
		const { myPartner, listPartners } = await import('../../src/lib/server/carers/vouchers');
		expect((await myPartner(await asUser(shop.id), shop.id))?.removed_at).not.toBeNull();
		expect((await listPartners(await asUser(here.officer), here.municipality)).map((p) => p.id)).not.toContain(partnerId);

		expect((await add()).error).toBeNull();
		expect((await check()).data?.[0]?.state).toBe('valid');
	});
});
