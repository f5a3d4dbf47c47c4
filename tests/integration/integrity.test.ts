// Issue 12, "forged hidden fields", "half-saved rows" and smaller things: the database itself
// refuses what a forged form post asks for, and a refused action leaves nothing behind.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { asUser, people, areas, sql } from './helpers';
import { askForHelp } from '../../src/lib/server/help/requests';
import { ask, sendMessage } from '../../src/lib/server/help/lifecycle';
import { saveVoice } from '../../src/lib/server/voice/store';
import { offerHelp, saveVolunteerProfile } from '../../src/lib/server/help/volunteers';
import { report } from '../../src/lib/server/moderation';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { makeWav } from '../support/wav';

const wavFile = (seconds: number) => new File([new Uint8Array(makeWav(seconds))], 'bericht.wav', { type: 'audio/wav' });

const sessionUser = (id: string, roles: SessionUser['roles'] = []): SessionUser => ({
	id, displayName: null, areaId: null, language: 'nl', email: null, onboarded: true, roles
});

const askInput = (overrides: Record<string, unknown> = {}) => ({
	submission_id: randomUUID(),
	category_id: 'groceries',
	description: 'Wie doet boodschappen voor mij?',
	area_id: areas.noord,
	when_kind: 'asap' as const,
	when_date: '',
	when_note: '',
	address: '',
	voice_id: '',
	...overrides
});

async function blocked<T>(person: string, run: () => Promise<T>): Promise<T> {
	await sql('update profiles set blocked_at = now() where id = $1', [person]);
	try {
		return await run();
	} finally {
		await sql('update profiles set blocked_at = null where id = $1', [person]);
	}
}

const voiceRowsOf = async (person: string) =>
	Number((await sql<{ n: string }>('select count(*) as n from voice_messages where author_id = $1', [person]))[0].n);

describe('acting for someone else: only for people registered by phone', () => {
	it('a coordinator cannot ask for help in the name of a resident who signed up by themself (a forged requester_id)', async () => {
		const submission = randomUUID();
		// Truus lives in Noord, Sanne's area, and signs in by herself.
		const forged = askForHelp(await asUser(people.sanne), people.truus, askInput({ submission_id: submission }) as never);
		await expect(forged).rejects.toMatchObject({ code: '42501' });
		expect(await sql('select id from help_requests where submission_id = $1', [submission])).toEqual([]);
	});

	it('through the domain function the form calls, the forged post is a 403, not a request', async () => {
		const sanne = sessionUser(people.sanne, [{ organisationId: 'x', role: 'coordinator' }]);
		const submission = randomUUID();
		const answer = await ask(await asUser(people.sanne), sanne, { ...askInput({ submission_id: submission }), requester_id: people.truus } as never, 'http://localhost');
		expect(answer).toMatchObject({ status: 403 });
		expect(await sql('select id from help_requests where submission_id = $1', [submission])).toEqual([]);
	});

	it('a coordinator still asks for a resident she registered by phone', async () => {
		const id = await askForHelp(await asUser(people.sanne), people.willems, askInput({ area_id: areas.centrum, category_id: 'odd_jobs' }) as never);
		expect(id).toBeTruthy();
	});

	it('a coordinator cannot accept an offer, nor say it is done, for a resident who signed up by themself', async () => {
		// A request of Truus's that a coordinator entered (as before this rule): Sanne still may not answer for her.
		const [{ id }] = await sql<{ id: string }>(
			`insert into help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind)
			 values ($1, $2, $3, 'groceries', 'Boodschappen', $4, 'asap') returning id`,
			[randomUUID(), people.truus, people.sanne, areas.noord]
		);
		expect((await (await asUser(people.fatima)).rpc('help_act', { p_request: id, p_action: 'offer' })).data).toBe('offered');
		const sanne = await asUser(people.sanne);
		expect((await sanne.rpc('help_act', { p_request: id, p_action: 'accept' })).error?.code).toBe('42501');
		expect((await sql<{ status: string }>('select status from help_requests where id = $1', [id]))[0].status).toBe('offered');
		// Truus herself can.
		expect((await (await asUser(people.truus)).rpc('help_act', { p_request: id, p_action: 'accept' })).data).toBe('matched');
		expect((await sanne.rpc('help_act', { p_request: id, p_action: 'mark_done' })).error?.code).toBe('42501');
	});
});

describe('moderation', () => {
	it('a coordinator cannot close another organisation’s report by naming it with an action on her own item', async () => {
		const janRequest = (await askForHelp(await asUser(people.jan), people.jan, askInput({ area_id: areas.heide }) as never))!; // Kees's area
		const reason = `Niet in orde ${randomUUID()}`;
		expect(await report(await asUser(people.truus), people.truus, { type: 'help_request', id: janRequest }, reason)).toEqual({ ok: true });
		const [{ id: reportId }] = await sql<{ id: string }>('select id from reports where reason = $1', [reason]);
		const own = (await askForHelp(await asUser(people.truus), people.truus, askInput() as never))!; // Sanne's area
		const sanne = await asUser(people.sanne);
		const { error } = await sanne.rpc('moderate', { p_action: 'hide', p_subject_type: 'help_request', p_subject_id: own, p_report: reportId });
		expect(error).toMatchObject({ code: '22023', message: 'This report is about something else.' });
		expect((await sql('select handled_at from reports where id = $1', [reportId]))[0]).toEqual({ handled_at: null });
		expect((await sql('select hidden_at from help_requests where id = $1', [own]))[0]).toEqual({ hidden_at: null });
		await sql('delete from reports where id = $1', [reportId]); // other files count the reports Kees sees
	});

	it('a report stays with the coordinators it went to, even when the person reported moves to another area', async () => {
		const reason = `Onaardig ${randomUUID()}`;
		expect(await report(await asUser(people.truus), people.truus, { type: 'person', id: people.jan }, reason)).toEqual({ ok: true });
		const [{ id: reportId, area_id }] = await sql<{ id: string; area_id: string }>('select id, area_id from reports where reason = $1', [reason]);
		expect(area_id).toBe(areas.heide); // Kees's
		await sql('update profiles set area_id = $2 where id = $1', [people.jan, areas.noord]); // now Sanne's
		try {
			const { error } = await (await asUser(people.sanne)).rpc('moderate', { p_action: 'dismiss', p_subject_type: 'person', p_subject_id: people.jan, p_report: reportId });
			expect(error).toMatchObject({ code: '22023', message: 'This report is about something else.' });
			expect((await sql('select handled_at from reports where id = $1', [reportId]))[0]).toEqual({ handled_at: null });
		} finally {
			await sql('update profiles set area_id = $2 where id = $1', [people.jan, areas.heide]);
		}
		expect((await (await asUser(people.kees)).rpc('moderate', { p_action: 'dismiss', p_subject_type: 'person', p_subject_id: people.jan, p_report: reportId })).error).toBeNull();
		await sql('delete from reports where id = $1', [reportId]);
	});

	it('a blocked person cannot file a report', async () => {
		const reason = `Geblokkeerd meldt ${randomUUID()}`;
		const outcome = await blocked(people.jan, async () => report(await asUser(people.jan), people.jan, { type: 'person', id: people.truus }, reason));
		expect(outcome).toEqual({ ok: false, status: 403 });
		expect(await sql('select id from reports where reason = $1', [reason])).toEqual([]);
	});
});

describe('smaller things', () => {
	it('the submission id of someone else’s request is a plain refusal, never a request without an id', async () => {
		const submission = randomUUID();
		const truusRequest = await askForHelp(await asUser(people.truus), people.truus, askInput({ submission_id: submission }) as never);
		await expect(askForHelp(await asUser(people.jan), people.jan, askInput({ submission_id: submission, area_id: areas.heide }) as never)).rejects.toMatchObject({ code: '23505' });
		const answer = await ask(await asUser(people.jan), sessionUser(people.jan), askInput({ submission_id: submission, area_id: areas.heide }) as never, 'http://localhost');
		expect(answer).toEqual({ status: 409, step: 'summary', field: '', message: 'help.errors.sent_before' });
		// The same person sending the same form twice still lands on the first request.
		expect(await askForHelp(await asUser(people.truus), people.truus, askInput({ submission_id: submission }) as never)).toBe(truusRequest);
	});

	it('a name with right-to-left override or isolate characters is refused by the database', async () => {
		const truus = await asUser(people.truus);
		for (const control of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
			const { error } = await truus.from('profiles').update({ display_name: `Truus${control}sreteP` }).eq('id', people.truus);
			expect(error?.code, `U+${control.codePointAt(0)!.toString(16)}`).toBe('23514');
		}
		const registered = await (await asUser(people.sanne)).rpc('register_resident', { display_name: 'Meneer\u202eBos', phone: '043 111 22 33', area_id: areas.noord });
		expect(registered.error?.code).toBe('23514');
		// Arabic and Hebrew names themselves are fine.
		const { error } = await truus.from('profiles').update({ display_name: 'Truus Peters' }).eq('id', people.truus);
		expect(error).toBeNull();
		expect((await sql('select display_name from profiles where id = $1', [people.truus]))[0]).toEqual({ display_name: 'Truus Peters' });
	});
});

describe('nothing half-saved', () => {
	it('a volunteer profile with a category twice is saved with each category once; a refused save changes nothing', async () => {
		const before = await sql('select * from volunteer_profiles where profile_id = $1', [people.pieter]);
		const beforeCategories = await sql<{ category_id: string }>('select category_id from volunteer_categories where volunteer_id = $1 order by 1', [people.pieter]);
		const pieter = await asUser(people.pieter);
		const categories = () => sql<{ category_id: string }>('select category_id from volunteer_categories where volunteer_id = $1 order by 1', [people.pieter]);
		try {
			const input = { categories: ['garden', 'garden', 'ride'], area_id: areas.noord, max_distance_km: 4, slots: [0, 1], skills: 'Tuin' };
			expect(await saveVolunteerProfile(pieter, people.pieter, input)).toBeNull();
			expect((await categories()).map((c) => c.category_id)).toEqual(['garden', 'ride']);
			expect((await sql('select categories from volunteer_profiles where profile_id = $1', [people.pieter]))[0]).toEqual({ categories: ['garden', 'ride'] });

			// An unknown kind of help, or an unknown area: refused, and what was saved stays as it was.
			expect(await saveVolunteerProfile(pieter, people.pieter, { ...input, categories: ['odd_jobs', 'no_such_kind'], max_distance_km: 9 })).toMatchObject({ status: 400 });
			expect(await saveVolunteerProfile(pieter, people.pieter, { ...input, categories: ['odd_jobs'], area_id: randomUUID() })).toMatchObject({ status: 400, field: 'area_id' });
			expect((await categories()).map((c) => c.category_id)).toEqual(['garden', 'ride']);
			expect((await sql<{ max_distance_km: string }>('select max_distance_km from volunteer_profiles where profile_id = $1', [people.pieter]))[0].max_distance_km).toBe('4.0');
		} finally {
			const row = before[0] as Record<string, unknown>;
			await sql('update volunteer_profiles set area_id = $2, latitude = $3, longitude = $4, max_distance_km = $5, availability = $6, skills = $7 where profile_id = $1',
				[people.pieter, row.area_id, row.latitude, row.longitude, row.max_distance_km, row.availability, row.skills]);
			await sql('delete from volunteer_categories where volunteer_id = $1', [people.pieter]);
			await sql('insert into volunteer_categories (volunteer_id, category_id) select $1, unnest($2::text[])', [people.pieter, beforeCategories.map((c) => c.category_id)]);
		}
	});

	it('a message with a recording on a request the sender may not post to is refused, and no recording stays behind', async () => {
		const request = (await askForHelp(await asUser(people.truus), people.truus, askInput() as never))!;
		const before = await voiceRowsOf(people.jan);
		for (let i = 0; i < 3; i++) {
			const refused = await sendMessage(await asUser(people.jan), sessionUser(people.jan), request, 'Hallo', wavFile(1), 'http://localhost');
			expect(refused).toMatchObject({ status: 403 });
		}
		expect(await voiceRowsOf(people.jan)).toBe(before);
	});

	it('an offer with a recording by someone who is no volunteer is refused, and no recording stays behind', async () => {
		const before = await voiceRowsOf(people.truus);
		const refused = await offerHelp(await asUser(people.truus), people.truus, { category_id: 'garden', area_id: areas.noord, description: '', available_on: '', voice: wavFile(1) } as never);
		expect(refused).toMatchObject({ status: 403 });
		expect(await voiceRowsOf(people.truus)).toBe(before);
	});

	it('a blocked person uploading a draft recording gets a plain refusal, before the file is even read', async () => {
		const file = wavFile(1);
		let read = false;
		file.arrayBuffer = async () => {
			read = true;
			return new ArrayBuffer(0);
		};
		const saved = await blocked(people.jan, async () => saveVoice(await asUser(people.jan), people.jan, file));
		expect(saved).toEqual({ ok: false, error: 'voice.errors.blocked' });
		expect(read).toBe(false);
	});
});
