// Carers on the real stack, after applying: the person cared for confirms (code, link, phone),
// the reminders and the officers' warning, the payment list, and vouchers redeemed once by a
// partner. RLS per role: carer, cared-for person via the code (anon), coordinator, officer of
// this and of another municipality, partner, another resident, anon.
import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { asAnon, asUser, env, people, sql } from './helpers';
import { sendConfirmationReminders } from '../../src/lib/server/carers/jobs';
import { paymentCsv, paymentLines } from '../../src/lib/server/carers/payments';
import { newConfirmation } from '../../src/lib/server/carers/confirm';

const municipality = '00000000-0000-4000-8000-000000000001';
const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()));
const other = { municipality: randomUUID(), officer: randomUUID(), partner: randomUUID() };
const origin = 'http://omzien.test';

mkdirSync(env.DEV_MAILBOX_DIR, { recursive: true });
const mailsTo = (email: string) =>
	readdirSync(env.DEV_MAILBOX_DIR)
		.map((f) => JSON.parse(readFileSync(path.join(env.DEV_MAILBOX_DIR, f), 'utf8')))
		.filter((m) => m.to === email);

let postcodeCounter = 2000;
async function newResident(name: string): Promise<string> {
	const [row] = await sql<{ id: string }>(
		`insert into profiles (display_name, area_id, email, onboarded_at) values ($1, '00000000-0000-4000-8000-000000000102', $2, now()) returning id`,
		[name, `${name.toLowerCase().replace(/\W/g, '')}.${randomUUID().slice(0, 8)}@voorbeeld.nl`]
	);
	return row.id;
}

/** An application by a fresh carer for a fresh person: its id and the carer. */
async function applied(payout: 'money' | 'voucher' | 'gift' = 'voucher', carer?: string) {
	const who = carer ?? (await newResident(`Zorg${postcodeCounter}`));
	postcodeCounter += 1;
	const db = await asUser(who);
	const { data, error } = await db.rpc('carer_apply', {
		p_municipality: municipality, p_year: year, p_carer: who, p_relationship: 'parent', p_cared_for_name: 'Vader Smits',
		p_cared_for_postcode: `${postcodeCounter}ZY`, p_cared_for_house_number: '4', p_caring_since: '2020-01-01', p_hours: 'over_16',
		p_terminal_care: false, p_cared_for_lives_here: true, p_payout: payout,
		...(payout === 'money' ? { p_iban: 'NL91ABNA0417164300', p_account_holder: `=HYPERLINK("x") ${who.slice(0, 4)}` } : {}),
		...(payout === 'gift' ? { p_gift: 'Bos bloemen van de markt' } : {})
	} as never);
	if (error) throw new Error(error.message);
	return { id: data as unknown as string, carer: who };
}

async function makeCode(carer: string, id: string) {
	const { data, error } = await (await asUser(carer)).rpc('carer_new_confirmation', { p_application: id });
	if (error) throw new Error(error.message);
	return data![0] as { code: string; token: string; expires_at: string };
}

async function approve(id: string) {
	await sql(`update carer_confirmations set confirmed_at = now(), confirmed_how = 'phone' where application_id = $1 and confirmed_at is null`, [id]);
	const { error } = await (await asUser(people.ahmed)).rpc('carer_decide', { p_application: id, p_decision: 'approve' });
	if (error) throw new Error(error.message);
}

beforeAll(async () => {
	await sql(`insert into municipalities (id, name) values ($1, 'Gemeente Elders')`, [other.municipality]);
	const [{ id: team }] = await sql<{ id: string }>(`insert into organisations (municipality_id, name, kind) values ($1, 'Gemeente Elders, team', 'municipal_team') returning id`, [other.municipality]);
	await sql(`insert into profiles (id, display_name, email, onboarded_at) values ($1, 'Otto Elders', $2, now()), ($3, 'Bioscoop Elders', $4, now())`, [
		other.officer, `otto.${other.officer.slice(0, 8)}@voorbeeld.nl`, other.partner, `bios.${other.partner.slice(0, 8)}@voorbeeld.nl`
	]);
	await sql(`insert into memberships (organisation_id, profile_id, role) values ($1, $2, 'officer')`, [team, other.officer]);
	await sql(`insert into carer_partners (municipality_id, profile_id, name) values ($1, $2, 'Bioscoop Elders')`, [other.municipality, other.partner]);
	// Many wrong codes in this file come from the tests' own client keys; start with a clean count.
	await sql('delete from carer_confirm_tries');
});

describe('the confirmation code', () => {
	it('is ten characters without look-alikes, unguessable, shown once and kept only as a hash', async () => {
		const { id, carer } = await applied();
		const first = await makeCode(carer, id);
		expect(first.code).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
		expect(first.token).toMatch(/^[A-HJKMNP-Z2-9]{32}$/);
		const days = (new Date(first.expires_at).getTime() - Date.now()) / 86_400_000;
		expect(days).toBeGreaterThan(41);
		const [row] = await sql<{ code_hash: string; link_hash: string }>('select code_hash, link_hash from carer_confirmations where application_id = $1', [id]);
		expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(await sql('select * from carer_confirmations where application_id = $1', [id]))).not.toContain(first.code.replace('-', ''));
		// A thousand codes: no repeats, every character of the alphabet used.
		const [{ codes }] = await sql<{ codes: string[] }>('select array_agg(carer_random_code(10)) as codes from generate_series(1, 1000)');
		expect(new Set(codes).size).toBe(1000);
		expect(new Set(codes.join('')).size).toBe(31);
		// A new code replaces the old one.
		const second = await makeCode(carer, id);
		const anon = await asAnon();
		expect((await anon.rpc('carer_confirmation_lookup', { p_secret: first.code, p_client: 'test-replaced' })).data?.[0].state).toBe('wrong');
		expect((await anon.rpc('carer_confirmation_lookup', { p_secret: second.code, p_client: 'test-replaced' })).data?.[0].state).toBe('open');
	});

	it('only the carer or whoever applied can make one; nobody reads the hashes', async () => {
		const { id, carer } = await applied();
		for (const who of [people.jan, people.sanne, people.ahmed, other.officer]) {
			expect((await (await asUser(who)).rpc('carer_new_confirmation', { p_application: id })).error?.code, who).toBe('P0002');
		}
		expect((await (await asAnon()).rpc('carer_new_confirmation', { p_application: id })).error).not.toBeNull();
		const own = await asUser(carer);
		expect((await own.from('carer_confirmations').select('code_hash').eq('application_id', id)).error?.code).toBe('42501');
		expect((await own.from('carer_confirmations').select('confirmed_at').eq('application_id', id)).data).toEqual([{ confirmed_at: null }]);
		expect((await (await asUser(people.ahmed)).from('carer_confirmations').select('confirmed_at').eq('application_id', id)).data).toHaveLength(1);
		for (const who of [people.jan, people.sanne, other.officer]) {
			expect((await (await asUser(who)).from('carer_confirmations').select('confirmed_at').eq('application_id', id)).data, who).toEqual([]);
		}
		expect((await (await asAnon()).from('carer_confirmations').select('confirmed_at')).error?.code).toBe('42501');
	});

	it('the person cared for sees only what they confirm, confirms once without an account; a used code says so', async () => {
		const { id, carer } = await applied();
		const { code } = await makeCode(carer, id);
		const anon = await asAnon();
		const { data: preview } = await anon.rpc('carer_confirmation_lookup', { p_secret: code.toLowerCase().replace('-', ' '), p_client: 'test-once' });
		expect(preview).toEqual([{ state: 'open', carer_name: expect.stringMatching(/^Zorg/), year, relationship: 'parent', hours: 'over_16' }]);
		// The carer cannot confirm their own application, even with the code.
		expect((await (await asUser(carer)).rpc('carer_confirm_with_secret', { p_secret: code, p_client: 'test-once' })).data).toBe('own');
		expect((await anon.rpc('carer_confirm_with_secret', { p_secret: code, p_client: 'test-once' })).data).toBe('confirmed');
		expect((await anon.rpc('carer_confirm_with_secret', { p_secret: code, p_client: 'test-once' })).data).toBe('used');
		const [row] = await sql<{ confirmed_how: string; confirmed_by: string | null }>('select confirmed_how, confirmed_by from carer_confirmations where application_id = $1', [id]);
		expect(row).toEqual({ confirmed_how: 'code', confirmed_by: null });
		expect(await sql(`select 1 from audit_log where action = 'carer.confirmed' and details ->> 'application' = $1`, [id])).toHaveLength(1);
		expect((await (await asUser(carer)).rpc('carer_new_confirmation', { p_application: id })).error?.message).toBe('carers.errors.no_confirmation_needed');
		const { data: state } = await (await asUser(carer)).from('carer_applications').select('carer_confirmation_state').eq('id', id).single();
		expect(state).toEqual({ carer_confirmation_state: 'confirmed' });
	});

	it('the e-mailed link confirms too (as "link"); the address is not kept', async () => {
		const { id, carer } = await applied();
		const email = `moeder.${randomUUID().slice(0, 8)}@voorbeeld.nl`;
		const made = await newConfirmation(await asUser(carer), id, email, origin, 'nl');
		if (!made.ok) throw new Error(made.refusal.message);
		const [mail] = mailsTo(email);
		const token = /\/mantelzorg\/bevestigen\/([A-Z0-9]{32})/.exec(mail.text)?.[1];
		expect(token).toBeTruthy();
		expect(mail.text).toContain(made.code);
		expect((await (await asAnon()).rpc('carer_confirm_with_secret', { p_secret: token!, p_client: 'test-link' })).data).toBe('confirmed');
		expect(await sql('select confirmed_how from carer_confirmations where application_id = $1', [id])).toEqual([{ confirmed_how: 'link' }]);
		expect(JSON.stringify(await sql('select * from carer_applications a join carer_confirmations c on c.application_id = a.id where a.id = $1', [id]))).not.toContain(email);
	});

	it('an expired code is refused with its own message', async () => {
		const { id, carer } = await applied();
		const { code } = await makeCode(carer, id);
		await sql(`update carer_confirmations set expires_at = now() - interval '1 minute' where application_id = $1`, [id]);
		expect((await (await asAnon()).rpc('carer_confirm_with_secret', { p_secret: code, p_client: 'test-expired' })).data).toBe('expired');
		expect(await sql('select confirmed_at from carer_confirmations where application_id = $1', [id])).toEqual([{ confirmed_at: null }]);
	});

	it('guessing is limited: ten wrong codes an hour per client, then even the right code waits', async () => {
		const { id, carer } = await applied();
		const { code } = await makeCode(carer, id);
		const anon = await asAnon();
		for (let i = 0; i < 10; i++) {
			expect((await anon.rpc('carer_confirm_with_secret', { p_secret: `AAAAA-AAAA${i}`, p_client: 'test-guesser' })).data).toBe('wrong');
		}
		expect((await anon.rpc('carer_confirm_with_secret', { p_secret: code, p_client: 'test-guesser' })).data).toBe('too_many');
		expect((await anon.rpc('carer_confirm_with_secret', { p_secret: code, p_client: 'someone-else' })).data).toBe('confirmed');
		// Made-up client names do not help: 500 wrong tries an hour in total stop everyone.
		await sql(`insert into carer_confirm_tries (client) select 'flood' || g from generate_series(1, 500) g`);
		expect((await anon.rpc('carer_confirmation_lookup', { p_secret: 'BBBBB-BBBBB', p_client: 'fresh' })).data?.[0].state).toBe('too_many');
		await sql('delete from carer_confirm_tries');
		expect((await anon.from('carer_confirm_tries').select('id')).error?.code).toBe('42501');
	});

	it('a coordinator of the carer’s area or an officer confirms after a phone call, with a note; others cannot', async () => {
		const { id } = await applied();
		for (const who of [people.jan, people.kees, other.officer]) {
			expect((await (await asUser(who)).rpc('carer_confirm_by_phone', { p_application: id, p_note: 'Gebeld met vader.' })).error?.code, who).toBe('P0002');
		}
		const sanne = await asUser(people.sanne);
		expect((await sanne.rpc('carer_confirm_by_phone', { p_application: id, p_note: '' })).error?.message).toBe('carers.errors.call_note_missing');
		expect((await sanne.rpc('carer_confirm_by_phone', { p_application: id, p_note: 'Vader gebeld op maandag, klopt.' })).error).toBeNull();
		const [log] = await sql<{ actor_id: string; details: { how: string; note: string } }>(`select actor_id, details from audit_log where action = 'carer.confirmed' and details ->> 'application' = $1`, [id]);
		expect(log.actor_id).toBe(people.sanne);
		expect(log.details).toMatchObject({ how: 'phone', note: 'Vader gebeld op maandag, klopt.' });
	});

	it('an officer cannot approve before it is confirmed', async () => {
		const { id } = await applied();
		const ahmed = await asUser(people.ahmed);
		expect((await ahmed.rpc('carer_decide', { p_application: id, p_decision: 'approve' })).error?.message).toBe('carers.errors.not_confirmed');
		expect(await sql('select status from carer_applications where id = $1', [id])).toEqual([{ status: 'submitted' }]);
		// Refusing needs no confirmation.
		expect((await ahmed.rpc('carer_decide', { p_application: id, p_decision: 'refuse', p_text: 'U woont niet in onze gemeente.' })).error).toBeNull();
	});
});

describe('without confirmation in time', () => {
	it('the carer is reminded once after two weeks; after four weeks the officers are told once; the state is late', async () => {
		const { id, carer } = await applied();
		const [{ email }] = await sql<{ email: string }>('select email from profiles where id = $1', [carer]);
		await sql(`update carer_applications set applied_at = now() - interval '15 days' where id = $1`, [id]);
		await sendConfirmationReminders(origin);
		await sendConfirmationReminders(origin);
		expect(mailsTo(email).filter((m) => m.subject === 'Uw aanvraag is nog niet bevestigd')).toHaveLength(1);
		const officerTold = () => sql(`select 1 from notifications where profile_id = $1 and kind = 'carer_not_confirmed' and subject_id = $2`, [people.ahmed, id]);
		expect(await officerTold()).toHaveLength(0);

		await sql(`update carer_applications set applied_at = now() - interval '29 days' where id = $1`, [id]);
		await sendConfirmationReminders(origin);
		await sendConfirmationReminders(origin);
		expect(await officerTold()).toHaveLength(1);
		expect(mailsTo(email).filter((m) => m.subject === 'Uw aanvraag is nog niet bevestigd')).toHaveLength(1);
		expect(await sql(`select 1 from notifications where profile_id = $1 and kind = 'carer_not_confirmed' and subject_id = $2`, [other.officer, id])).toHaveLength(0);
		const { data } = await (await asUser(people.ahmed)).from('carer_applications').select('carer_confirmation_state').eq('id', id).single();
		expect(data).toEqual({ carer_confirmation_state: 'late' });
	});
});

describe('the payment list', () => {
	it('holds exactly the approved, unpaid money, escaped for spreadsheets; officers only', async () => {
		const money = await applied('money');
		const waiting = await applied('money');
		const voucher = await applied('voucher');
		const paid = await applied('money');
		await approve(money.id);
		await approve(voucher.id);
		await approve(paid.id);
		expect((await (await asUser(people.ahmed)).rpc('carer_mark_paid', { p_application: paid.id })).error).toBeNull();

		const lines = await paymentLines(await asUser(people.ahmed), municipality, year);
		const refs = lines.map((l) => l.reference);
		expect(refs).toContain(`MZ${year}-${money.id.slice(0, 8).toUpperCase()}`);
		for (const left of [waiting, voucher, paid]) expect(refs).not.toContain(`MZ${year}-${left.id.slice(0, 8).toUpperCase()}`);
		const mine = lines.find((l) => l.reference.endsWith(money.id.slice(0, 8).toUpperCase()))!;
		expect(mine).toEqual({ iban: 'NL91ABNA0417164300', name: `=HYPERLINK("x") ${money.carer.slice(0, 4)}`, amountCents: 15000, reference: mine.reference });

		const csv = paymentCsv([mine]);
		expect(csv.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
			'iban;naam;bedrag;kenmerk',
			`NL91ABNA0417164300;"'=HYPERLINK(""x"") ${money.carer.slice(0, 4)}";150.00;${mine.reference}`,
			''
		]);
		// Nobody else gets a line: RLS on the applications and bank accounts.
		for (const who of [people.sanne, people.jan, money.carer, other.officer]) {
			expect(await paymentLines(await asUser(who), municipality, year), who).toEqual(
				who === money.carer ? [expect.objectContaining({ iban: 'NL91ABNA0417164300' })] : []
			);
		}
	});
});

describe('a voucher or gift', () => {
	const florist = '00000000-0000-4000-8000-000000000391'; // demo partner: flowers and vouchers

	it('gets a unique code on approval, read by the carer only', async () => {
		const { id, carer } = await applied('voucher');
		await approve(id);
		const own = await asUser(carer);
		const { data } = await own.from('carer_vouchers').select('code, amount_cents, gift, redeemed_at').eq('application_id', id).single();
		expect(data).toEqual({ code: expect.stringMatching(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/), amount_cents: 15000, gift: null, redeemed_at: null });
		for (const who of [people.ahmed, people.jan, people.sanne, florist, other.partner]) {
			expect((await (await asUser(who)).from('carer_vouchers').select('code').eq('application_id', id)).data, who).toEqual([]);
		}
		expect((await (await asAnon()).from('carer_vouchers').select('code')).error?.code).toBe('42501');
		// Money gets no code.
		const money = await applied('money');
		await approve(money.id);
		expect(await sql('select 1 from carer_vouchers where application_id = $1', [money.id])).toEqual([]);
	});

	it('a partner checks and redeems it once; a second time is refused; nobody changes it afterwards', async () => {
		const { id, carer } = await applied('gift');
		await approve(id);
		const [{ code }] = await sql<{ code: string }>('select code from carer_vouchers where application_id = $1', [id]);
		const shop = await asUser(florist);
		expect((await shop.rpc('carer_voucher_check', { p_code: code.toLowerCase() })).data).toEqual([{ state: 'valid', amount_cents: null, gift: 'Bos bloemen van de markt', redeemed_at: null }]);
		expect((await shop.rpc('carer_voucher_redeem', { p_code: code })).data).toBe('redeemed');
		expect((await shop.rpc('carer_voucher_redeem', { p_code: code })).data).toBe('used');
		expect((await shop.rpc('carer_voucher_check', { p_code: code })).data?.[0]).toMatchObject({ state: 'used', redeemed_at: expect.any(String) });
		const [row] = await sql<{ redeemed_by: string }>('select redeemed_by from carer_vouchers where application_id = $1', [id]);
		expect(row.redeemed_by).toBe('00000000-0000-4000-8000-000000000392');
		await expect(sql('update carer_vouchers set redeemed_at = null where application_id = $1', [id])).rejects.toThrow('carers.errors.voucher_used');
		expect((await (await asUser(carer)).from('carer_vouchers').select('redeemed_at').eq('application_id', id).single()).data?.redeemed_at).not.toBeNull();
		expect(await sql(`select 1 from audit_log where action = 'carer.voucher_redeemed' and details ->> 'application' = $1`, [id])).toHaveLength(1);
	});

	it('a partner of another municipality, or one that does not hand out this gift, cannot redeem it; non-partners cannot even check', async () => {
		const { id } = await applied('gift');
		await approve(id);
		const [{ code }] = await sql<{ code: string }>('select code from carer_vouchers where application_id = $1', [id]);
		expect((await (await asUser(other.partner)).rpc('carer_voucher_redeem', { p_code: code })).data).toBe('elsewhere');
		const cinema = await newResident('Bioscoop');
		await sql(`insert into carer_partners (municipality_id, profile_id, name, gifts) values ($1, $2, 'Bioscoop', '{"Twee kaartjes voor de bioscoop"}')`, [municipality, cinema]);
		expect((await (await asUser(cinema)).rpc('carer_voucher_redeem', { p_code: code })).data).toBe('elsewhere');
		for (const who of [people.jan, people.ahmed, people.sanne]) {
			expect((await (await asUser(who)).rpc('carer_voucher_check', { p_code: code })).error?.code, who).toBe('42501');
		}
		expect((await (await asAnon()).rpc('carer_voucher_check', { p_code: code })).error).not.toBeNull();
		expect(await sql('select redeemed_at from carer_vouchers where application_id = $1', [id])).toEqual([{ redeemed_at: null }]);
		expect((await (await asUser(cinema)).rpc('carer_voucher_check', { p_code: 'ZZZZ-ZZZZ-ZZZZ' })).data?.[0].state).toBe('wrong');
	});

	it('partners read only their own entry; officers manage those of their municipality', async () => {
		expect((await (await asUser(florist)).from('carer_partners').select('name')).data).toEqual([{ name: 'Bloemenwinkel De Roos' }]);
		expect((await (await asUser(people.ahmed)).from('carer_partners').select('name').eq('id', '00000000-0000-4000-8000-000000000392')).data).toHaveLength(1);
		expect((await (await asUser(other.officer)).from('carer_partners').select('name').eq('id', '00000000-0000-4000-8000-000000000392')).data).toEqual([]);
		expect((await (await asUser(people.jan)).from('carer_partners').select('name')).data).toEqual([]);
		const { error } = await (await asUser(florist)).from('carer_partners').update({ gifts: ['Alles'] }).eq('profile_id', florist).select();
		expect(error).toBeNull();
		expect(await sql(`select gifts from carer_partners where profile_id = $1`, [florist])).toEqual([{ gifts: ['Bos bloemen van de markt'] }]);
		expect((await (await asAnon()).from('carer_partners').select('name')).error?.code).toBe('42501');
	});
});

describe('"Voelt u zich gewaardeerd?" and the figures', () => {
	it('only the carer answers, only for an approved application; the team sees counts, under 5 hidden', async () => {
		const { id, carer } = await applied('voucher');
		const own = await asUser(carer);
		expect((await own.rpc('carer_answer_feeling', { p_application: id, p_feeling: 'yes' })).error?.code).toBe('P0002'); // not approved yet
		await approve(id);
		for (const who of [people.jan, people.ahmed, people.sanne]) {
			expect((await (await asUser(who)).rpc('carer_answer_feeling', { p_application: id, p_feeling: 'no' })).error?.code, who).toBe('P0002');
		}
		expect((await own.rpc('carer_answer_feeling', { p_application: id, p_feeling: 'somewhat' })).error).toBeNull();
		expect((await own.rpc('carer_answer_feeling', { p_application: id, p_feeling: 'yes' })).error).toBeNull();
		expect((await own.from('carer_appreciation_answers').select('feeling').eq('application_id', id)).data).toEqual([{ feeling: 'yes' }]);
		for (const who of [people.ahmed, people.jan]) {
			expect((await (await asUser(who)).from('carer_appreciation_answers').select('feeling').eq('application_id', id)).data, who).toEqual([]);
		}

		const [place] = await sql<{ id: string }>(`insert into municipalities (name) values ('Gemeente Cijfers') returning id`);
		await sql(`insert into carer_settings (municipality_id, year, opens_on, closes_on, payout_options, amount_cents) values ($1, $2, make_date($2, 1, 1), make_date($2, 12, 31), '{voucher}', 5000)`, [place.id, year]);
		const [team] = await sql<{ id: string }>(`insert into organisations (municipality_id, name, kind) values ($1, 'Cijfers team', 'municipal_team') returning id`, [place.id]);
		const counter = await newResident('Teller');
		await sql(`insert into memberships (organisation_id, profile_id, role) values ($1, $2, 'officer')`, [team.id, counter]);
		const figures = async () => (await (await asUser(counter)).rpc('carer_figures', { p_municipality: place.id, p_year: year })).data?.[0];
		const add = async (n: number) => {
			for (let i = 0; i < n; i++) {
				const carerId = await newResident(`Cijfer${i}`);
				await sql(
					`insert into carer_applications (municipality_id, year, carer_id, relationship, cared_for_name, cared_for_postcode, cared_for_house_number, caring_since, hours, cared_for_lives_here, payout)
					 values ($1, $2, $3, 'friend', 'Iemand', '4321AB', $4, '2020-01-01', 'over_16', true, 'voucher')`,
					[place.id, year, carerId, String(postcodeCounter++)]
				);
			}
		};
		await add(4);
		expect(await figures()).toEqual({ applications: null, confirmed: null, approved: null, paid_or_redeemed: null, answered: null, appreciated: null });
		await add(2);
		await sql(`update carer_confirmations set confirmed_at = now(), confirmed_how = 'phone' where application_id in (select id from carer_applications where municipality_id = $1)`, [place.id]);
		await sql(`update carer_applications set status = 'approved' where municipality_id = $1`, [place.id]);
		await sql(`insert into carer_appreciation_answers (application_id, feeling) select id, 'yes' from carer_applications where municipality_id = $1`, [place.id]);
		expect(await figures()).toEqual({ applications: 6, confirmed: 6, approved: 6, paid_or_redeemed: null, answered: 6, appreciated: 6 });
		expect(await sql('select count(*)::int as n from carer_vouchers where municipality_id = $1', [place.id])).toEqual([{ n: 6 }]);
		for (const who of [people.ahmed, people.sanne, people.jan]) {
			expect((await (await asUser(who)).rpc('carer_figures', { p_municipality: place.id, p_year: year })).error?.code, who).toBe('42501');
		}
	});
});

describe('own data', () => {
	it('the carer downloads it all and deletes what no payment depends on; approved stays for the legal period', async () => {
		const carer = await newResident('Eigen');
		const approvedOne = await applied('money', carer);
		const waitingOne = await applied('voucher', carer);
		await approve(approvedOne.id);
		const own = await asUser(carer);
		await own.from('carer_checks').insert({ carer_id: carer, scale_id: '00000000-0000-4000-8000-00000000c4ec', answers: [5, 5, 5, 5, 5] });
		const { exportMyData } = await import('../../src/lib/server/carers/own-data');
		const data = await exportMyData(own, carer);
		expect(data.applications.map((a) => a.id).sort()).toEqual([approvedOne.id, waitingOne.id].sort());
		expect(data.applications.find((a) => a.id === approvedOne.id)?.carer_bank_accounts).toMatchObject({ iban: 'NL91ABNA0417164300' });
		expect(data.checks).toHaveLength(1);
		// Someone else's export of this carer is empty.
		expect((await exportMyData(await asUser(people.jan), carer)).applications).toEqual([]);

		expect((await own.rpc('carer_delete_my_data')).data).toBe(1);
		expect(await sql('select id from carer_applications where carer_id = $1', [carer])).toEqual([{ id: approvedOne.id }]);
		expect(await sql('select 1 from carer_checks where carer_id = $1', [carer])).toEqual([]);
		expect(await sql(`select 1 from audit_log where actor_id = $1 and action = 'carer.deleted_own_data'`, [carer])).toHaveLength(1);
		expect((await (await asAnon()).rpc('carer_delete_my_data')).error).not.toBeNull();
	});

	it('retention removes old applications by the job; deleting a profile removes everything of the carer', async () => {
		const { id: old } = await applied('voucher');
		const { id: oldApproved } = await applied('voucher');
		const { id: fresh } = await applied('voucher');
		await sql(`insert into carer_settings (municipality_id, year, opens_on, closes_on, payout_options, amount_cents) values ($1, $2, make_date($2, 1, 1), make_date($2, 12, 31), '{voucher}', 5000), ($1, $3, make_date($3, 1, 1), make_date($3, 12, 31), '{voucher}', 5000) on conflict do nothing`, [municipality, year - 3, year - 5]);
		await sql(`update carer_applications set year = $2 where id = $1`, [old, year - 3]);
		await sql(`update carer_confirmations set confirmed_at = now(), confirmed_how = 'phone' where application_id = $1`, [oldApproved]);
		await sql(`update carer_applications set status = 'approved' where id = $1`, [oldApproved]);
		await sql(`update carer_applications set year = $2 where id = $1`, [oldApproved, year - 5]);
		const { deleteExpiredCarerData } = await import('../../src/lib/server/carers/jobs');
		const gone = await deleteExpiredCarerData();
		expect(gone.applications).toBeGreaterThanOrEqual(1);
		const left = (await sql<{ id: string }>('select id from carer_applications where id = any($1)', [[old, oldApproved, fresh]])).map((r) => r.id);
		expect(left.sort()).toEqual([oldApproved, fresh].sort()); // approved: seven years; others: two
		// Eight years back is before the rules' first year (2020): moved there without the foreign key's check.
		await sql(`set session_replication_role = replica; update carer_applications set year = ${year - 8} where id = '${oldApproved}'`);
		await deleteExpiredCarerData();
		expect(await sql('select 1 from carer_applications where id = $1', [oldApproved])).toEqual([]);

		const { id, carer } = await applied('money');
		await approve(id);
		await sql('delete from profiles where id = $1', [carer]);
		for (const table of ['carer_applications', 'carer_bank_accounts', 'carer_confirmations', 'carer_vouchers']) {
			const column = table === 'carer_applications' ? 'id' : 'application_id';
			expect(await sql(`select 1 from ${table} where ${column} = $1`, [id]), table).toEqual([]);
		}
	});
});

describe('partners', () => {
	it('an officer adds one by e-mail (the account is made), only gifts of this year, not another municipality’s partner', async () => {
		const email = `kaas.${randomUUID().slice(0, 8)}@voorbeeld.nl`;
		const ahmed = await asUser(people.ahmed);
		const add = (db: Awaited<ReturnType<typeof asUser>>, gifts: string[], address = email) =>
			db.rpc('carer_add_partner', { p_municipality: municipality, p_name: 'Kaaswinkel', p_email: address, p_accepts_vouchers: true, p_gifts: gifts });
		for (const who of [people.jan, people.sanne, other.officer]) {
			expect((await add(await asUser(who), [])).error?.code, who).toBe('42501');
		}
		expect((await add(ahmed, ['Een auto'])).error?.message).toBe('carers.errors.gift_unknown');
		const { data: id, error } = await add(ahmed, ['Twee kaartjes voor de bioscoop']);
		expect(error).toBeNull();
		const [row] = await sql<{ email: string; gifts: string[] }>('select p.email, c.gifts from carer_partners c join profiles p on p.id = c.profile_id where c.id = $1', [id]);
		expect(row).toEqual({ email, gifts: ['Twee kaartjes voor de bioscoop'] });
		const [{ email: elsewhere }] = await sql<{ email: string }>('select email from profiles where id = $1', [other.partner]);
		expect((await add(ahmed, [], elsewhere)).error?.message).toBe('carers.errors.partner_elsewhere');
		expect(await sql(`select 1 from audit_log where action = 'carer.partner_saved' and details ->> 'partner' = $1`, [id])).toHaveLength(1);
	});
});
