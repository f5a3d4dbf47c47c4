// Initiatives and "ja, tenzij" against the real stack: the working-days clock in SQL, the
// three-part rule for a no, answers that cannot change, and who may see and do what (RLS per
// role: founder, co-founder, another resident, officer, coordinator, anon).
import { describe, expect, it, beforeAll } from 'vitest';
import { asAnon, asUser, env, people, areas, sql } from './helpers';

const clock = async (from: string, days: number) =>
	(await sql<{ d: string }>(`select public.add_working_days($1::date, $2)::text as d`, [from, days]))[0].d;

describe('the working-days clock', () => {
	it('skips weekends', async () => {
		expect(await clock('2026-11-20', 1)).toBe('2026-11-23'); // Friday + 1 = Monday
		expect(await clock('2026-11-23', 10)).toBe('2026-12-07');
	});

	it("skips King's Day, and moves it to 26 April when the 27th is a Sunday", async () => {
		expect(await clock('2026-04-24', 1)).toBe('2026-04-28'); // Friday 24; Monday 27 is King's Day
		const kings = await sql<{ y2025: boolean; y2026: boolean; y2031a: boolean; y2031b: boolean }>(
			`select public.is_dutch_holiday('2025-04-26') as y2025, public.is_dutch_holiday('2026-04-27') as y2026,
			        public.is_dutch_holiday('2031-04-26') as y2031a, public.is_dutch_holiday('2031-04-27') as y2031b`
		);
		expect(kings[0]).toEqual({ y2025: true, y2026: true, y2031a: true, y2031b: false });
	});

	it('skips Christmas, Boxing Day and New Year', async () => {
		expect(await clock('2026-12-24', 1)).toBe('2026-12-28'); // 25, 26 holidays, 27 Sunday
		expect(await clock('2027-12-24', 2)).toBe('2027-12-28'); // Friday 24; 25 and 26 fall on the weekend
		expect(await clock('2026-12-31', 1)).toBe('2027-01-04'); // 1 Jan a Friday, then the weekend
	});

	it('skips Easter Monday, Ascension Day and Whit Monday', async () => {
		const days = await sql<{ easter: string; holidays: boolean[] }>(
			`select public.easter_sunday(2026)::text as easter,
			        array[public.is_dutch_holiday('2026-04-06'), public.is_dutch_holiday('2026-05-14'), public.is_dutch_holiday('2026-05-25'),
			              public.is_dutch_holiday('2026-04-03')] as holidays`
		);
		expect(days[0]).toEqual({ easter: '2026-04-05', holidays: [true, true, true, false] });
		expect(await clock('2026-05-13', 1)).toBe('2026-05-15');
	});

	it('counts Liberation Day only in lustrum years', async () => {
		const [row] = await sql<{ y2025: boolean; y2026: boolean }>(
			`select public.is_dutch_holiday('2025-05-05') as y2025, public.is_dutch_holiday('2026-05-05') as y2026`
		);
		expect(row).toEqual({ y2025: true, y2026: false });
	});

	it('counts working days between two dates', async () => {
		const [row] = await sql<{ n: number }>(`select public.working_days_between('2026-12-24', '2027-01-04') as n`);
		expect(row.n).toBe(5); // 28, 29, 30, 31 December and 4 January
	});
});

/** A fresh draft of Truus with one ask, through her own client. */
async function draftOfTruus(name = 'Buurtbarbecue') {
	const truus = await asUser(people.truus);
	const { data: initiative, error } = await truus
		.from('initiatives')
		.insert({ name, description: 'Samen eten in de straat.', area_id: areas.noord } as never) // the database fills in the municipality
		.select('id, municipality_id')
		.single();
	expect(error).toBeNull();
	const { data: ask, error: askError } = await truus
		.from('initiative_asks')
		.insert({ initiative_id: initiative!.id, kind: 'contact', details: { who: 'De vereniging van het buurthuis' } })
		.select('id')
		.single();
	expect(askError).toBeNull();
	return { truus, initiativeId: initiative!.id, askId: ask!.id };
}

describe('initiatives and their asks (RLS per role)', () => {
	let draft: Awaited<ReturnType<typeof draftOfTruus>>;
	beforeAll(async () => {
		draft = await draftOfTruus();
	});

	it('a draft is the founders\' own: another resident, an officer and anon see nothing', async () => {
		for (const db of [await asUser(people.jan), await asUser(people.ahmed), await asAnon()]) {
			expect((await db.from('initiatives').select('id').eq('id', draft.initiativeId)).data).toEqual([]);
			expect((await db.from('initiative_asks').select('id').eq('initiative_id', draft.initiativeId)).data).toEqual([]);
		}
	});

	it('a co-founder added by e-mail reads and changes the draft; another resident cannot add asks', async () => {
		const added = await draft.truus.rpc('add_cofounder', { p_initiative: draft.initiativeId, p_email: 'fatima@voorbeeld.nl' });
		expect(added.error).toBeNull();
		const fatima = await asUser(people.fatima);
		expect((await fatima.from('initiatives').select('name').eq('id', draft.initiativeId).single()).data?.name).toBe('Buurtbarbecue');
		expect((await fatima.from('initiatives').update({ place: 'Lindelaan' }).eq('id', draft.initiativeId).select('place')).data).toEqual([
			{ place: 'Lindelaan' }
		]);
		const jan = await asUser(people.jan);
		const refused = await jan.from('initiative_asks').insert({ initiative_id: draft.initiativeId, kind: 'contact', details: { who: 'iemand' } });
		expect(refused.error?.code).toBe('42501');
		expect((await jan.rpc('add_cofounder', { p_initiative: draft.initiativeId, p_email: 'jan@voorbeeld.nl' })).error?.code).toBe('42501');
	});

	it('an ask must have the details of its kind', async () => {
		const bad = await draft.truus.from('initiative_asks').insert({ initiative_id: draft.initiativeId, kind: 'permit', details: { date: '2027-06-20' } });
		expect(bad.error?.code).toBe('23514');
		const tooMuch = await draft.truus
			.from('initiative_asks')
			.insert({ initiative_id: draft.initiativeId, kind: 'budget', details: { amount: '9000', costs: 'Een podium' } });
		expect(tooMuch.error?.code).toBe('23514'); // the seed sets 2500 euro as the most
	});

	it('an officer cannot answer an ask before it is sent', async () => {
		const ahmed = await asUser(people.ahmed);
		const early = await ahmed.from('initiative_answers').insert({ ask_id: draft.askId, decision: 'yes', info: 'Goed plan.' });
		expect(early.error?.code).toBe('42501');
	});

	it('sending sets a deadline in working days; then the officer sees the ask and the founder cannot change it', async () => {
		expect((await draft.truus.rpc('send_initiative', { p_initiative: draft.initiativeId })).error).toBeNull();
		const [ask] = await sql<{ ok: boolean }>(
			`select due_on = public.add_working_days(sent_on, 5) as ok from public.initiative_asks where id = $1`,
			[draft.askId]
		);
		expect(ask.ok).toBe(true); // contact: 5 working days in the seed
		const ahmed = await asUser(people.ahmed);
		const seen = await ahmed.from('initiative_ask_states').select('id, state').eq('id', draft.askId).single();
		expect(seen.data).toEqual({ id: draft.askId, state: 'open' });
		const change = await draft.truus.from('initiatives').update({ name: 'Iets anders' }).eq('id', draft.initiativeId);
		expect(change.error?.code).toBe('42501');
		const askChange = await draft.truus.from('initiative_asks').update({ note: 'later' }).eq('id', draft.askId).select('id');
		expect(askChange.data).toEqual([]);
		expect((await (await asUser(people.jan)).from('initiatives').select('id').eq('id', draft.initiativeId)).data).toEqual([]);
	});

	it('a no without a reason, an explanation and another way is refused by the database, whoever sends it', async () => {
		const ahmed = await asUser(people.ahmed);
		const bare = await ahmed.from('initiative_answers').insert({ ask_id: draft.askId, decision: 'no_because', reason: 'safety', explanation: 'Te druk.' });
		expect(bare.error?.code).toBe('23514');
		await expect(
			sql(`insert into public.initiative_answers (ask_id, officer_id, decision, reason, explanation) values ($1, $2, 'no_because', 'law', 'Mag niet.')`, [
				draft.askId,
				people.ahmed
			])
		).rejects.toThrow(/a_no_names_a_reason_explains_and_offers_another_way/);
	});

	it('a resident cannot answer; the officer answers, and the answer cannot be changed, only superseded', async () => {
		const jan = await asUser(people.jan);
		expect((await jan.from('initiative_answers').insert({ ask_id: draft.askId, decision: 'yes', officer_id: people.jan })).error?.code).toBe('42501');
		const ahmed = await asUser(people.ahmed);
		const no = await ahmed
			.from('initiative_answers')
			.insert({ ask_id: draft.askId, decision: 'no_because', reason: 'other', explanation: 'Het buurthuis is dicht.', alternative: 'Bel het wijkteam.' })
			.select('id')
			.single();
		expect(no.error).toBeNull();
		expect((await ahmed.from('initiative_answers').update({ decision: 'yes' }).eq('id', no.data!.id).select('id')).data ?? []).toEqual([]);
		await expect(sql(`update public.initiative_answers set decision = 'yes' where id = $1`, [no.data!.id])).rejects.toThrow(/cannot be changed/);
		const noReason = await ahmed.from('initiative_answers').insert({ ask_id: draft.askId, decision: 'yes', supersedes: no.data!.id });
		expect(noReason.error?.code).toBe('23514');
		const yes = await ahmed
			.from('initiative_answers')
			.insert({ ask_id: draft.askId, decision: 'yes', info: 'Het buurthuis is toch open.', supersedes: no.data!.id, change_reason: 'Nieuwe informatie.' });
		expect(yes.error).toBeNull();
		const history = await draft.truus.from('initiative_answers').select('decision').eq('ask_id', draft.askId).order('created_at');
		expect(history.data?.map((a) => a.decision)).toEqual(['no_because', 'yes']);
		const fatima = await asUser(people.fatima);
		expect((await fatima.from('initiative_ask_states').select('state, decision').eq('id', draft.askId).single()).data).toEqual({
			state: 'answered',
			decision: 'yes'
		});
	});

	it('a passed deadline is late, or yes by silence where the kind says so (derived in SQL)', async () => {
		const { truus, initiativeId } = await draftOfTruus('Spelletjesmiddag');
		const materials = await truus
			.from('initiative_asks')
			.insert({ initiative_id: initiativeId, kind: 'materials', details: { items: ['tables'], date: '2027-06-20' } })
			.select('id')
			.single();
		expect((await truus.rpc('send_initiative', { p_initiative: initiativeId })).error).toBeNull();
		await sql(`update public.initiative_asks set sent_on = sent_on - 30, due_on = due_on - 30 where initiative_id = $1`, [initiativeId]);
		const states = await truus.from('initiative_ask_states').select('kind, state').eq('initiative_id', initiativeId).order('kind');
		expect(states.data).toEqual([
			{ kind: 'materials', state: 'yes_by_silence' },
			{ kind: 'contact', state: 'late' }
		]);
		expect(materials.error).toBeNull();
	});

	it('a permit kind can never be set to yes by silence', async () => {
		await expect(
			sql(`update public.initiative_ask_settings set on_timeout = 'yes' where kind = 'permit'`)
		).rejects.toThrow(/a_permit_is_never_granted_by_silence/);
	});
});

describe('public initiatives and figures', () => {
	it('anon reads a published initiative with its asks and answers, not an unpublished one', async () => {
		const anon = await asAnon();
		const published = await anon.from('initiatives').select('name').eq('id', '00000000-0000-4000-8000-000000000602');
		expect(published.data).toEqual([{ name: 'Moestuin Heide' }]);
		const answers = await anon.from('initiative_ask_states').select('kind, state, decision').eq('initiative_id', '00000000-0000-4000-8000-000000000602').order('kind');
		expect(answers.error).toBeNull();
		expect(answers.data?.[0]).toMatchObject({ kind: 'green', decision: 'no_because' });
		expect((await anon.from('initiatives').select('id').eq('id', '00000000-0000-4000-8000-000000000601')).data).toEqual([]);
		expect((await anon.from('initiative_answers').select('id').eq('ask_id', '00000000-0000-4000-8000-000000000611')).data).toEqual([]);
	});

	it('anyone reads the figures per municipality: counts only', async () => {
		const anon = await asAnon();
		const { data, error } = await anon.rpc('initiative_figures');
		expect(error).toBeNull();
		const all = data!.find((r) => r.kind === null)!;
		expect(all.municipality).toBe('Gemeente Heuvelrijk');
		expect(all.asks_sent).toBeGreaterThanOrEqual(4);
		expect(all.refused).toBeGreaterThanOrEqual(1);
		expect(Object.keys(all)).not.toContain('initiative_id');
	});

	it('anon cannot write anything', async () => {
		const anon = await asAnon();
		expect((await anon.from('initiatives').insert({ name: 'Iets', municipality_id: '00000000-0000-4000-8000-000000000001' })).error).not.toBeNull();
		expect((await anon.rpc('send_initiative', { p_initiative: '00000000-0000-4000-8000-000000000601' })).error).not.toBeNull();
	});
});

describe('initiatives in the shared rooms', () => {
	it("the officer's answer through the domain tells the founders, with a link to the ask", async () => {
		await import('../../src/lib/server/domains');
		const { answerAsk } = await import('../../src/lib/server/initiatives/answers');
		const { listNotifications } = await import('../../src/lib/server/notifications');
		const { truus, initiativeId, askId } = await draftOfTruus('Burendag');
		expect((await truus.rpc('send_initiative', { p_initiative: initiativeId })).error).toBeNull();
		const ahmed = await asUser(people.ahmed);
		const bare = await answerAsk(ahmed, askId, { decision: 'no_because', info: '', conditions: '', reason: 'cost', explanation: 'Te duur.', alternative: '', change_reason: '' }, 'http://localhost');
		expect(bare).toEqual({ ok: false, field: 'alternative', error: 'initiatives.errors.no_needs_three', status: 400 });
		const jan = await asUser(people.jan);
		const notOfficer = await answerAsk(jan, askId, { decision: 'yes', info: '', conditions: '', reason: '', explanation: '', alternative: '', change_reason: '' }, 'http://localhost');
		expect(notOfficer).toMatchObject({ ok: false, status: 403 });
		const yes = await answerAsk(ahmed, askId, { decision: 'yes_if', info: '', conditions: 'Ruim alles op.\nMeld het bij de buren.', reason: '', explanation: '', alternative: '', change_reason: '' }, 'http://localhost');
		expect(yes).toEqual({ ok: true });
		const [answer] = await sql<{ conditions: string[] }>(`select conditions from public.initiative_answers where ask_id = $1`, [askId]);
		expect(answer.conditions).toEqual(['Ruim alles op.', 'Meld het bij de buren.']);
		const mine = await listNotifications(truus, people.truus);
		expect(mine.find((n) => n.subject_id === askId)).toMatchObject({ kind: 'ask_answered', link: `/initiatieven/vraag/${askId}` });
		const again = await answerAsk(ahmed, askId, { decision: 'yes', info: '', conditions: '', reason: '', explanation: '', alternative: '', change_reason: '' }, 'http://localhost');
		expect(again).toMatchObject({ ok: false, field: 'change_reason' });
	});

	it('a published initiative can be reported; it goes to the coordinators of its area', async () => {
		const { report, listOpenReports } = await import('../../src/lib/server/moderation');
		const fatima = await asUser(people.fatima);
		const subject = { type: 'initiative', id: '00000000-0000-4000-8000-000000000602' };
		expect(await report(fatima, people.fatima, subject, 'Dit klopt niet.')).toEqual({ ok: true });
		const kees = await asUser(people.kees); // coordinator of Heide
		expect((await listOpenReports(kees)).some((r) => r.subject_id === subject.id)).toBe(true);
		const sanne = await asUser(people.sanne); // coordinator elsewhere
		expect((await listOpenReports(sanne)).some((r) => r.subject_id === subject.id)).toBe(false);
		await sql(`delete from public.reports where subject_id = $1`, [subject.id]);
	});
});

/** Truus's draft sent, with an officer's answer of the given kind on its one ask. */
async function sentAndAnswered(name: string, decision: 'yes_if' | 'no_because' | 'yes' | null) {
	const draft = await draftOfTruus(name);
	expect((await draft.truus.rpc('send_initiative', { p_initiative: draft.initiativeId })).error).toBeNull();
	if (!decision) return { ...draft, answerId: null as string | null };
	const ahmed = await asUser(people.ahmed);
	const row =
		decision === 'yes_if'
			? { decision, conditions: ['Ruim alles op.', 'Meld het bij de buren.'] }
			: decision === 'no_because'
				? { decision, reason: 'cost' as const, explanation: 'Het is te duur.', alternative: 'Een kleinere versie kan wel.' }
				: { decision, info: 'Goed plan.' };
	const answer = await ahmed.from('initiative_answers').insert({ ask_id: draft.askId, ...row }).select('id').single();
	expect(answer.error).toBeNull();
	return { ...draft, answerId: answer.data!.id as string | null };
}

/** Another officer of the same team who does not lead it. */
async function plainOfficer() {
	const id = '00000000-0000-4000-8000-0000000003a1';
	await sql(
		`insert into public.profiles (id, display_name, email, onboarded_at) values ($1, 'Bram Officier', 'bram@voorbeeld.nl', now()) on conflict do nothing`,
		[id]
	);
	await sql(`insert into public.memberships (organisation_id, profile_id, role) values ('00000000-0000-4000-8000-000000000203', $1, 'officer') on conflict do nothing`, [id]);
	return id;
}

describe('where and when, typed or spoken', () => {
	it('a spoken "when" is enough; where may be spoken too; both are tied to the plan and kept as sent', async () => {
		await import('../../src/lib/server/domains');
		const { saveStep } = await import('../../src/lib/server/initiatives/initiatives');
		const { makeWav } = await import('../support/wav');
		const wav = () => new File([new Uint8Array(makeWav(1))], 'stem.wav', { type: 'audio/wav' });
		const { truus, initiativeId } = await draftOfTruus('Straatspeeldag');
		const actor = { userId: people.truus, origin: 'http://omzien.test' };
		// Neither text nor recording for "when": refused next to the field.
		expect(await saveStep(truus, actor, initiativeId, 'wanneer', { when_text: '' }, null)).toEqual({ ok: false, field: 'when_text', error: 'initiatives.errors.when_missing', status: 400 });
		expect(await saveStep(truus, actor, initiativeId, 'wanneer', { when_text: '' }, wav())).toEqual({ ok: true });
		expect(await saveStep(truus, actor, initiativeId, 'waar', { area_id: areas.noord, place: '' }, wav())).toEqual({ ok: true });
		const [row] = await sql<{ when_voice_id: string; place_voice_id: string }>('select when_voice_id, place_voice_id from initiatives where id = $1', [initiativeId]);
		expect(await sql('select subject_type, subject_id from voice_messages where id = any ($1::uuid[]) order by id', [[row.when_voice_id, row.place_voice_id]])).toEqual([
			{ subject_type: 'initiative', subject_id: initiativeId },
			{ subject_type: 'initiative', subject_id: initiativeId }
		]);
		// Once said, "when" may stay empty as text.
		expect(await saveStep(truus, actor, initiativeId, 'wanneer', { when_text: '' }, null)).toEqual({ ok: true });
		// Someone else's recording cannot be put on the plan.
		const jan = await asUser(people.jan);
		const { data: janDraft } = await jan.rpc('save_voice_draft', { p_mime: 'audio/wav', p_duration_ms: 1000, p_bytes: '\\x00' });
		expect((await truus.from('initiatives').update({ when_voice_id: janDraft as string }).eq('id', initiativeId)).error?.code).toBe('42501');
		// Sent: as it was sent.
		expect((await truus.rpc('send_initiative', { p_initiative: initiativeId })).error).toBeNull();
		expect((await truus.from('initiatives').update({ when_voice_id: null }).eq('id', initiativeId)).error?.code).toBe('42501');
		// The officer hears it; another resident does not.
		const hears = async (who: string) => ((await (await asUser(who)).from('voice_messages').select('id').eq('id', row.when_voice_id)).data ?? []).length;
		expect(await hears(people.ahmed)).toBe(1);
		expect(await hears(people.jan)).toBe(0);
	});
});

describe("the officer's question stops the clock", () => {
	it('while the question is open the ask is waiting, not late; the reply moves the deadline by the days it was open', async () => {
		const { truus, askId } = await sentAndAnswered('Voorleesochtend', null);
		const ahmed = await asUser(people.ahmed);
		const jan = await asUser(people.jan);
		expect((await jan.from('initiative_ask_questions').insert({ ask_id: askId, question: 'Hoe laat?' })).error?.code).toBe('42501');
		const asked = await ahmed.from('initiative_ask_questions').insert({ ask_id: askId, question: 'Hoeveel kinderen komen er?' }).select('id').single();
		expect(asked.error).toBeNull();
		expect((await ahmed.from('initiative_ask_questions').insert({ ask_id: askId, question: 'Nog iets?' })).error?.code).toBe('23505'); // one open at a time
		// The question was asked four working days ago and the deadline passed meanwhile: still waiting, not late.
		await sql(`update public.initiative_asks set sent_on = '2026-11-02', due_on = '2026-11-09' where id = $1`, [askId]);
		await sql(`update public.initiative_ask_questions set asked_on = public.today_nl() - 6 where id = $1`, [asked.data!.id]);
		const waiting = await truus.from('initiative_ask_states').select('state, working_days_left, waiting_for_founder').eq('id', askId).single();
		expect(waiting.data).toEqual({ state: 'waiting', working_days_left: null, waiting_for_founder: true });
		expect((await jan.from('initiative_ask_questions').select('id').eq('ask_id', askId)).data).toEqual([]);
		// Someone else cannot reply; the founder can, once.
		expect((await jan.from('initiative_question_replies').insert({ question_id: asked.data!.id, reply: 'Tien.' })).error?.code).toBe('42501');
		expect((await truus.from('initiative_question_replies').insert({ question_id: asked.data!.id, reply: '' })).error?.code).toBe('23514');
		expect((await truus.from('initiative_question_replies').insert({ question_id: asked.data!.id, reply: 'Ongeveer tien kinderen.' })).error).toBeNull();
		const [moved] = await sql<{ due: string; expected: string; paused: number }>(
			`select a.due_on::text as due, public.add_working_days('2026-11-09', q.paused_days)::text as expected, q.paused_days as paused
			   from public.initiative_asks a join public.initiative_ask_questions q on q.ask_id = a.id where a.id = $1`,
			[askId]
		);
		expect(moved.paused).toBe(await sql<{ n: number }>(`select public.working_days_between(public.today_nl() - 6, public.today_nl()) as n`).then((r) => r[0].n));
		expect(moved.due).toBe(moved.expected);
		expect((await truus.from('initiative_question_replies').insert({ question_id: asked.data!.id, reply: 'Nog eens.' })).error?.code).toBe('42501'); // closed
		const after = await truus.from('initiative_ask_states').select('waiting_for_founder').eq('id', askId).single();
		expect(after.data?.waiting_for_founder).toBe(false);
	});

	it('through the domain: the founders are told of the question, the officer of the reply', async () => {
		await import('../../src/lib/server/domains');
		const { askFounder, replyToQuestion } = await import('../../src/lib/server/initiatives/followup');
		const { listNotifications } = await import('../../src/lib/server/notifications');
		const { truus, askId } = await sentAndAnswered('Buurtsoep', null);
		const ahmed = await asUser(people.ahmed);
		expect(await askFounder(await asUser(people.jan), askId, 'Waarom?', 'http://localhost')).toMatchObject({ status: 403 });
		expect(await askFounder(ahmed, askId, 'Waar komt de pan te staan?', 'http://localhost')).toBeNull();
		expect((await listNotifications(truus, people.truus)).find((n) => n.subject_id === askId)).toMatchObject({ kind: 'ask_question' });
		const [question] = await sql<{ id: string }>(`select id from public.initiative_ask_questions where ask_id = $1`, [askId]);
		expect(await replyToQuestion(truus, question.id, '', null, 'http://localhost')).toMatchObject({ field: 'reply', message: 'voice.errors.message_text_or_voice' });
		expect(await replyToQuestion(truus, question.id, 'Op het plein.', null, 'http://localhost')).toBeNull();
		expect(await replyToQuestion(truus, question.id, 'Nog eens.', null, 'http://localhost')).toMatchObject({ status: 409 });
		expect((await listNotifications(ahmed, people.ahmed)).find((n) => n.subject_id === askId)).toMatchObject({ kind: 'question_replied' });
	});
});

describe('reconsideration: once per answer, for the team lead', () => {
	it('the founder asks once; a second time is refused by the database; a yes cannot be reconsidered', async () => {
		const { truus, askId, answerId } = await sentAndAnswered('Boekenkast', 'no_because');
		const jan = await asUser(people.jan);
		expect((await jan.from('initiative_reconsiderations').insert({ answer_id: answerId!, reason: 'Oneens.' } as never)).error?.code).toBe('42501');
		const first = await truus.from('initiative_reconsiderations').insert({ answer_id: answerId!, reason: 'Het kost bijna niets.' } as never).select('ask_id, sent_on, due_on').single();
		expect(first.error).toBeNull();
		expect(first.data!.ask_id).toBe(askId);
		const [clock] = await sql<{ ok: boolean }>(`select due_on = public.add_working_days(sent_on, 5) as ok from public.initiative_reconsiderations where answer_id = $1`, [answerId]);
		expect(clock.ok).toBe(true); // contact: 5 working days
		const second = await truus.from('initiative_reconsiderations').insert({ answer_id: answerId!, reason: 'Nog een keer.' } as never);
		expect(second.error?.code).toBe('23505');
		await expect(sql(`insert into public.initiative_reconsiderations (answer_id, ask_id, asked_by, reason) values ($1, $2, $3, 'x')`, [answerId, askId, people.truus])).rejects.toThrow(/one_reconsideration_per_answer/);
		const yes = await sentAndAnswered('Bankje', 'yes');
		expect((await yes.truus.from('initiative_reconsiderations').insert({ answer_id: yes.answerId!, reason: 'Waarom?' } as never)).error?.code).toBe('22023');
		expect((await (await asAnon()).from('initiative_reconsiderations').select('id')).error?.code).toBe('42501');
	});

	it('only the team lead responds, once; an officer who does not lead the team is refused', async () => {
		await import('../../src/lib/server/domains');
		const { askReconsideration, respondToReconsideration } = await import('../../src/lib/server/initiatives/followup');
		const { listNotifications } = await import('../../src/lib/server/notifications');
		const { truus, askId, answerId } = await sentAndAnswered('Kerstmarkt', 'yes_if');
		expect(await askReconsideration(truus, answerId!, 'De voorwaarden zijn te zwaar.', null, 'http://localhost')).toBeNull();
		expect(await askReconsideration(truus, answerId!, 'Nog eens.', null, 'http://localhost')).toEqual({
			field: 'reason',
			message: 'initiatives.errors.reconsider_once',
			status: 409
		});
		const ahmed = await asUser(people.ahmed);
		expect((await listNotifications(ahmed, people.ahmed)).find((n) => n.subject_id === askId)).toMatchObject({ kind: 'reconsideration_asked' });
		const [r] = await sql<{ id: string }>(`select id from public.initiative_reconsiderations where answer_id = $1`, [answerId]);
		const bram = await asUser(await plainOfficer());
		expect((await bram.from('initiative_reconsiderations').select('id').eq('id', r.id)).data).toEqual([{ id: r.id }]); // officers read it
		expect(await respondToReconsideration(bram, r.id, 'Blijft zo.', 'http://localhost')).toMatchObject({ status: 403 });
		expect(await respondToReconsideration(ahmed, r.id, 'We halen een voorwaarde weg.', 'http://localhost')).toBeNull();
		expect(await respondToReconsideration(ahmed, r.id, 'Nog eens.', 'http://localhost')).toMatchObject({ status: 409 });
		expect((await truus.from('initiative_reconsiderations').select('response').eq('id', r.id).single()).data?.response).toBe('We halen een voorwaarde weg.');
		expect((await listNotifications(truus, people.truus)).find((n) => n.kind === 'reconsideration_answered' && n.subject_id === askId)).toBeTruthy();
		expect((await truus.from('initiative_reconsiderations').update({ reason: 'anders' }).eq('id', r.id).select('id')).data ?? []).toEqual([]);
	});
});

describe('conditions of a "ja, mits" and neighbours', () => {
	it('the founders tick off conditions; nobody else can; a position past the list is refused', async () => {
		const { truus, answerId } = await sentAndAnswered('Tuindag', 'yes_if');
		expect((await truus.from('initiative_condition_ticks').insert({ answer_id: answerId!, position: 1 })).error).toBeNull();
		expect((await truus.from('initiative_condition_ticks').insert({ answer_id: answerId!, position: 5 })).error?.code).toBe('42501');
		const jan = await asUser(people.jan);
		expect((await jan.from('initiative_condition_ticks').insert({ answer_id: answerId!, position: 0 })).error?.code).toBe('42501');
		const ahmed = await asUser(people.ahmed);
		expect((await ahmed.from('initiative_condition_ticks').select('position').eq('answer_id', answerId!)).data).toEqual([{ position: 1 }]);
		expect((await truus.from('initiative_condition_ticks').delete().eq('answer_id', answerId!).select('position')).data).toEqual([{ position: 1 }]);
	});

	it('neighbours support or join a published initiative; a concern is read by founders and officers only, with a name', async () => {
		const published = '00000000-0000-4000-8000-000000000602'; // Jan's Moestuin Heide
		const unpublished = '00000000-0000-4000-8000-000000000601';
		const fatima = await asUser(people.fatima);
		expect((await fatima.from('initiative_supports').insert({ initiative_id: published, kind: 'support' })).error).toBeNull();
		expect((await fatima.from('initiative_supports').insert({ initiative_id: published, kind: 'join' })).error).toBeNull();
		expect((await fatima.from('initiative_supports').insert({ initiative_id: unpublished, kind: 'support' })).error?.code).toBe('42501');
		const anon = await asAnon();
		const counts = await anon.rpc('initiative_support_counts', { p_initiative: published });
		expect(counts.data?.[0]).toMatchObject({ supporters: expect.any(Number), joiners: expect.any(Number) });
		expect(counts.data![0].supporters).toBeGreaterThanOrEqual(1);
		expect((await anon.from('initiative_supports').select('*')).error?.code).toBe('42501');
		expect((await fatima.from('initiative_concerns').insert({ initiative_id: published, concern: 'De kerk heeft het veldje nodig voor de kermis.' })).error).toBeNull();
		const pieter = await asUser(people.pieter);
		expect((await pieter.from('initiative_concerns').select('id').eq('initiative_id', published)).data).toEqual([]);
		expect((await pieter.rpc('initiative_concerns_with_names', { p_initiative: published })).data).toEqual([]);
		const jan = await asUser(people.jan); // the founder
		const seen = await jan.rpc('initiative_concerns_with_names', { p_initiative: published });
		expect(seen.data?.map((c) => c.email)).toContain('fatima@voorbeeld.nl');
		const ahmed = await asUser(people.ahmed);
		expect((await ahmed.rpc('initiative_concerns_with_names', { p_initiative: published })).data?.length).toBeGreaterThanOrEqual(1);
		await sql(`delete from public.initiative_supports where profile_id = $1`, [people.fatima]);
		await sql(`delete from public.initiative_concerns where profile_id = $1`, [people.fatima]);
	});

	it('anon reads a published initiative and its answers, but not who founded or answered them', async () => {
		const anon = await asAnon();
		const published = '00000000-0000-4000-8000-000000000602';
		expect((await anon.from('initiatives').select('name').eq('id', published)).data).toEqual([{ name: 'Moestuin Heide' }]);
		expect((await anon.from('initiatives').select('founder_id').eq('id', published)).error?.code).toBe('42501');
		expect((await anon.from('initiative_answers').select('officer_id').eq('ask_id', '00000000-0000-4000-8000-000000000621')).error?.code).toBe('42501');
		expect((await anon.from('initiative_answers').select('decision').eq('ask_id', '00000000-0000-4000-8000-000000000621')).data).toEqual([{ decision: 'no_because' }]);
		const { readInitiative } = await import('../../src/lib/server/initiatives/initiatives');
		const page = await readInitiative(anon, published, null);
		expect(page?.initiative.name).toBe('Moestuin Heide');
		expect(page?.initiative).not.toHaveProperty('founder_id');
		expect(page?.answers[0]).not.toHaveProperty('officer_id');
	});
});

describe('accountability per team and quarter', () => {
	it('anyone reads counts per team and kind for a quarter: yes, yes_if, no, silence, reconsiderations', async () => {
		const { truus, answerId } = await sentAndAnswered('Straatschaak', 'no_because');
		expect((await truus.from('initiative_reconsiderations').insert({ answer_id: answerId!, reason: 'Het is gratis.' } as never)).error).toBeNull();
		const [{ from, to }] = await sql<{ from: string; to: string }>(
			`select date_trunc('quarter', public.today_nl())::date::text as from, (date_trunc('quarter', public.today_nl()) + interval '3 months')::date::text as to`
		);
		const anon = await asAnon();
		const { data, error } = await anon.rpc('initiative_accountability', { p_from: from, p_to: to });
		expect(error).toBeNull();
		const team = data!.find((r) => r.team === 'Gemeente Heuvelrijk, team Samenleving' && r.kind === null)!;
		expect(team.asks_sent).toBeGreaterThanOrEqual(5);
		expect(team.answered_no).toBeGreaterThanOrEqual(1);
		expect(team.answered_yes_if).toBeGreaterThanOrEqual(1);
		expect(team.reconsiderations).toBeGreaterThanOrEqual(1);
		const contact = data!.find((r) => r.team_id === team.team_id && r.kind === 'contact')!;
		expect(contact.reconsiderations).toBeGreaterThanOrEqual(1);
		expect(Object.keys(team)).not.toContain('initiative_id');
		const { readAccountability } = await import('../../src/lib/server/initiatives/answers');
		const page = await readAccountability(anon, 'not-a-quarter');
		expect(page.quarter).toBe(page.quarters[0]);
		expect(page.teams.length).toBeGreaterThan(0);
	});
});

describe('reminders for the municipality (the job queue)', () => {
	it('reminds the team two working days before a deadline, tells the team lead of a late escalate ask and sends the daily late list, each once', async () => {
		await import('../../src/lib/server/domains');
		const { sendInitiativeReminders } = await import('../../src/lib/server/initiatives/reminders');
		const soon = await sentAndAnswered('Herinnering binnenkort', null);
		const late = await sentAndAnswered('Herinnering te laat', null);
		const day = '2030-03-05'; // a Tuesday
		await sql(`update public.initiative_asks set due_on = public.add_working_days($2::date, 2) where id = $1`, [soon.askId, day]);
		await sql(`update public.initiative_asks set due_on = '2030-03-01' where id = $1`, [late.askId]); // contact: escalate
		const now = new Date(`${day}T08:00:00Z`);
		const first = await sendInitiativeReminders('http://localhost', now);
		expect(first.lists).toBeGreaterThanOrEqual(1);
		const kinds = async (askId: string) =>
			(await sql<{ kind: string }>(`select kind from public.notifications where profile_id = $1 and subject_id = $2 order by kind`, [people.ahmed, askId])).map((n) => n.kind);
		expect(await kinds(soon.askId)).toEqual(['ask_due_soon']);
		expect(await kinds(late.askId)).toEqual(['ask_escalated']);
		const [list] = await sql<{ id: string; late_asks: number }>(`select id, late_asks from public.initiative_late_lists where list_on = $1`, [day]);
		expect(list.late_asks).toBeGreaterThanOrEqual(1);
		const ahmed = await asUser(people.ahmed);
		const { listNotifications } = await import('../../src/lib/server/notifications');
		expect((await listNotifications(ahmed, people.ahmed)).find((n) => n.subject_id === list.id)).toMatchObject({ kind: 'late_asks_list', link: '/gemeente' });
		expect((await ahmed.from('initiative_late_lists').select('late_asks').eq('id', list.id)).data).toEqual([{ late_asks: list.late_asks }]);
		expect((await (await asUser(people.truus)).from('initiative_late_lists').select('id').eq('id', list.id)).data).toEqual([]);
		// Run again (a second server, a retry): nothing twice.
		await sendInitiativeReminders('http://localhost', now);
		expect(await kinds(soon.askId)).toEqual(['ask_due_soon']);
		expect(await kinds(late.askId)).toEqual(['ask_escalated']);
		expect((await sql(`select 1 from public.initiative_late_lists where list_on = $1`, [day])).length).toBe(1);
		// A Saturday brings no late list.
		const saturday = await sendInitiativeReminders('http://localhost', new Date('2030-03-09T08:00:00Z'));
		expect(saturday.lists).toBe(0);
	});
});

describe('co-founders invited by e-mail', () => {
	it('someone without an account gets a link; signed in with that address they join; nobody else can use it; once only', async () => {
		await import('../../src/lib/server/domains');
		const { saveStep, readInvite, acceptInvite } = await import('../../src/lib/server/initiatives/initiatives');
		const { readdirSync, readFileSync, mkdirSync } = await import('node:fs');
		const path = await import('node:path');
		mkdirSync(env.DEV_MAILBOX_DIR, { recursive: true });
		const { truus, initiativeId } = await draftOfTruus('Buurtmoestuin samen');
		const address = `nieuw-${Date.now()}@voorbeeld.nl`;
		expect(await saveStep(truus, { userId: people.truus, origin: 'http://omzien.test' }, initiativeId, 'wie', { email: address }, null)).toEqual({ ok: true });
		const mail = readdirSync(env.DEV_MAILBOX_DIR)
			.map((f) => JSON.parse(readFileSync(path.join(env.DEV_MAILBOX_DIR, f), 'utf8')))
			.find((m) => m.to === address);
		expect(mail.subject).toBe('U bent uitgenodigd voor een plan');
		expect(mail.text).toContain('Buurtmoestuin samen');
		const token = /\/initiatieven\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
		const [stored] = await sql<{ token_hash: string }>(`select token_hash from public.initiative_invites where email = $1`, [address]);
		expect(stored.token_hash).not.toContain(token); // only the hash is kept
		// Someone else who opens the link cannot join.
		const jan = await asUser(people.jan);
		expect(await readInvite(jan, token)).toMatchObject({ for_me: false, open: true });
		expect(await acceptInvite(jan, token)).toMatchObject({ ok: false, status: 403 });
		// The invited person signs in (an account is made for the address) and joins.
		const [newcomer] = await sql<{ id: string }>(`insert into public.profiles (email, display_name, onboarded_at) values ($1, 'Nieuwe buur', now()) returning id`, [address]);
		const them = await asUser(newcomer.id);
		expect(await readInvite(them, token)).toMatchObject({ initiative_name: 'Buurtmoestuin samen', for_me: true, open: true });
		expect(await acceptInvite(them, token)).toEqual({ ok: true, initiativeId });
		expect((await them.from('initiatives').select('name').eq('id', initiativeId).single()).data?.name).toBe('Buurtmoestuin samen');
		expect(await acceptInvite(them, token)).toMatchObject({ ok: false, status: 400 });
		expect(await acceptInvite(them, 'x'.repeat(32))).toMatchObject({ ok: false, status: 400 });
		// The founders see who was invited, not the token; anon sees nothing.
		expect((await truus.from('initiative_invites').select('email, accepted_at').eq('initiative_id', initiativeId)).data?.[0]).toMatchObject({ email: address });
		expect((await truus.from('initiative_invites').select('token_hash').eq('initiative_id', initiativeId)).error?.code).toBe('42501');
		expect((await (await asAnon()).from('initiative_invites').select('id')).error?.code).toBe('42501');
	});
});
