// One round trip per page: the home page of a signed-in person is one call to front_door(), under
// the same RLS, showing what the separate queries showed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { asUser, people, areas, sql } from './helpers';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { readFrontDoor } from '../../src/lib/server/home';

const CENTRE = '00000000-0000-4000-8000-000000000201';
const user = (id: string, roles: SessionUser['roles']): SessionUser => ({ id, displayName: 'Test', areaId: null, language: 'nl', email: null, onboarded: true, roles });

/** Counts the calls to PostgREST made while `run` runs. */
/** Every HTTP request the site's code sends while run() runs (undici announces each one it makes). */
async function roundTrips<T>(run: () => Promise<T>): Promise<{ result: T; calls: string[] }> {
	const calls: string[] = [];
	const record = (message: unknown) => {
		const { request } = message as { request: { origin: string; path: string } };
		calls.push(`${request.origin}${request.path}`);
	};
	diagnostics.subscribe('undici:request:create', record);
	try {
		return { result: await run(), calls };
	} finally {
		diagnostics.unsubscribe('undici:request:create', record);
	}
}

afterEach(() => vi.restoreAllMocks());

describe('front_door(): the home page in one round trip', () => {
	it('a resident: her running requests, unread notifications and the kinds of help, in one call', async () => {
		const [own] = await sql<{ id: string }>(
			`insert into help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind)
			 values ($1, $2, $2, 'garden', 'De heg is te hoog.', $3, 'asap') returning id`,
			[randomUUID(), people.truus, areas.noord]
		);
		const db = await asUser(people.truus);
		try {
			const { result: door, calls } = await roundTrips(() => readFrontDoor(db, user(people.truus, [])));
			expect(calls).toHaveLength(1);
			expect(calls[0]).toMatch(/\/rpc\/front_door/);
			const mine = door.resident!.requests.find((r) => r.id === own.id);
			expect(mine).toEqual({ id: own.id, category_id: 'garden', area: 'Noord', when_kind: 'asap', when_date: null, when_note: null, status: 'open' });
			const categories = await sql<{ id: string; icon: string }>('select id, icon from help_categories order by sort_order');
			expect(door.categories).toEqual(categories);
			const [unread] = await sql<{ n: number }>('select count(*)::int as n from notifications where profile_id = $1 and read_at is null', [people.truus]);
			expect(door.resident!.unread.count).toBe(unread.n);
			expect(door.resident!.unread.newest.length).toBe(Math.min(3, unread.n));
			expect(door.volunteer).toBeNull();
		} finally {
			await sql('delete from help_requests where id = $1', [own.id]);
		}
	});

	it('RLS still decides: Jan does not see Truus\'s request', async () => {
		const [own] = await sql<{ id: string }>(
			`insert into help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind)
			 values ($1, $2, $2, 'garden', 'Voor Truus.', $3, 'asap') returning id`,
			[randomUUID(), people.truus, areas.noord]
		);
		try {
			const door = await readFrontDoor(await asUser(people.jan), user(people.jan, []));
			expect(door.resident!.requests.map((r) => r.id)).not.toContain(own.id);
		} finally {
			await sql('delete from help_requests where id = $1', [own.id]);
		}
	});

	it('a volunteer: whether she has a profile and the same first open requests browse_requests gives, in the same call', async () => {
		const db = await asUser(people.fatima);
		const { result: door, calls } = await roundTrips(() => readFrontDoor(db, user(people.fatima, [{ organisationId: CENTRE, role: 'volunteer' }])));
		expect(calls).toHaveLength(1);
		const browse = (await db.rpc('browse_requests', { p_limit: 5 })).data ?? [];
		expect(door.volunteer!.hasProfile).toBe(true);
		expect(door.volunteer!.nearby.map((r) => r.id)).toEqual(browse.map((r) => r.id));
		if (browse[0]) expect(door.volunteer!.nearby[0]).toMatchObject({ first_name: browse[0].first_name, area: browse[0].area_name, spoken: browse[0].spoken });
	});
});

describe('help_overview(): /hulp in one round trip', async () => {
	const { readHelpOverview, listCategories, listMyRequests, browseRequests, NEARBY_PAGE_SIZE } = await import('../../src/lib/server/help/requests');
	const { listThanksReceived } = await import('../../src/lib/server/help/conversation');
	const { readVolunteerProfile } = await import('../../src/lib/server/help/volunteers');

	for (const [who, id, roles] of [
		['a resident (Truus)', people.truus, []],
		['a volunteer (Fatima)', people.fatima, [{ organisationId: CENTRE, role: 'volunteer' }]]
	] as const) {
		it(`${who}: one call, exactly what the separate reads gave`, async () => {
			// Something of each kind to compare: a request Fatima helps with, and a thank-you for it.
			const [r] = await sql<{ id: string }>(
				`insert into help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind)
				 values ($1, $2, $2, 'groceries', 'Boodschappen.', $3, 'asap') returning id`,
				[randomUUID(), people.truus, areas.noord]
			);
			const truusDb = await asUser(people.truus);
			await (await asUser(people.fatima)).rpc('help_act', { p_request: r.id, p_action: 'offer' });
			await truusDb.rpc('help_act', { p_request: r.id, p_action: 'accept' });
			await sql(`insert into thanks (request_id, from_id, to_id, body) values ($1, $2, $3, 'Dank je wel!')`, [r.id, people.truus, people.fatima]);

			const db = await asUser(id);
			const me = user(id, [...roles]);
			const { result: overview, calls } = await roundTrips(() => readHelpOverview(db, me));
			expect(calls).toHaveLength(1);
			const isVolunteer = roles.length > 0;
			const mine = await listMyRequests(db, id);
			const page = isVolunteer ? await browseRequests(db, NEARBY_PAGE_SIZE + 1) : [];
			expect(overview).toEqual({
				categories: await listCategories(db),
				asked: mine.filter((x) => x.requester_id === id),
				helping: mine.filter((x) => x.helper_id === id),
				isVolunteer,
				hasVolunteerProfile: isVolunteer && !!(await readVolunteerProfile(db, id)),
				nearby: page.slice(0, NEARBY_PAGE_SIZE),
				nearbyAfter: null,
				nextAfter: page.length > NEARBY_PAGE_SIZE ? page[NEARBY_PAGE_SIZE - 1].id : null,
				thanks: isVolunteer ? await listThanksReceived(db, id) : []
			});
			expect(overview.asked.length + overview.helping.length).toBeGreaterThan(0);
			if (isVolunteer) expect(overview.thanks.length).toBeGreaterThan(0);
		});
	}
});

describe('request_page(): /hulp/<id> in one round trip', async () => {
	const { readRequestPage } = await import('../../src/lib/server/help/lifecycle');
	const requests = await import('../../src/lib/server/help/requests');
	const { insertMessage, listMessages, listThanksFor } = await import('../../src/lib/server/help/conversation');
	const { readVoice } = await import('../../src/lib/server/voice/store');
	const { hasRole } = await import('../../src/lib/server/auth/guard');

	/** What the page showed when it made its reads one by one (three rounds), for comparison. */
	async function separately(db: Awaited<ReturnType<typeof asUser>>, me: SessionUser, id: string) {
		const request = await requests.readRequest(db, id);
		if (!request) return null;
		const coordinatesArea = hasRole(me, 'coordinator') && (await db.rpc('is_coordinator_for_area', { area: request.area_id })).data === true;
		const mine = me.id === request.requester_id || me.id === request.helper_id;
		const matched = ['matched', 'done_pending', 'done'].includes(request.effective_status ?? '');
		const voice = request.voice_id ? await readVoice(db, request.voice_id) : null;
		return {
			request,
			voice: voice && !voice.audio_deleted_at ? voice : null,
			canEditTranscript: !!voice && (voice.author_id === me.id || coordinatesArea),
			me: me.id,
			requesterName: await requests.firstNameOf(db, request.requester_id),
			helperName: await requests.firstNameOf(db, request.helper_id),
			contact: mine && matched ? await requests.contactDetails(db, request.id) : null,
			address: me.id === request.requester_id || coordinatesArea ? await requests.readAddress(db, request.id) : null,
			messages: (mine && matched) || coordinatesArea ? await listMessages(db, request.id) : [],
			thanks: mine ? await listThanksFor(db, request.id) : [],
			suggestions: coordinatesArea && request.effective_status === 'open' ? await requests.suggestHelpers(db, request.id) : [],
			coordinatesArea,
			actions: requests.allowedActions(request, { id: me.id, isVolunteer: hasRole(me, 'volunteer'), coordinatesArea }),
			categories: await requests.listCategories(db)
		};
	}

	it('the requester, the helper, a coordinator of the area and another resident: one call each, what the separate reads gave', async () => {
		// Truus asks, Fatima helps; two messages (one spoken), a thank-you, an address.
		const [r] = await sql<{ id: string }>(
			`insert into help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind)
			 values ($1, $2, $2, 'groceries', 'Boodschappen voor de week.', $3, 'asap') returning id`,
			[randomUUID(), people.truus, areas.noord]
		);
		try {
			await sql(`insert into help_request_private (request_id, address) values ($1, 'Dorpsstraat 1') on conflict (request_id) do update set address = excluded.address`, [r.id]);
			await (await asUser(people.fatima)).rpc('help_act', { p_request: r.id, p_action: 'offer' });
			await (await asUser(people.truus)).rpc('help_act', { p_request: r.id, p_action: 'accept' });
			const [voice] = await sql<{ id: string }>(
				`insert into voice_messages (author_id, mime_type, byte_size, duration_ms, transcript, transcript_source) values ($1, 'audio/wav', 10, 1000, 'Tot vrijdag.', 'automatic') returning id`,
				[people.fatima]
			);
			await sql(`insert into help_messages (request_id, sender_id, body) values ($1, $2, 'Zullen we om tien uur gaan?')`, [r.id, people.truus]);
			await insertMessage(await asUser(people.fatima), r.id, people.fatima, 'Goed.', voice.id);
			await sql(`insert into thanks (request_id, from_id, to_id, body) values ($1, $2, $3, 'Dank je wel!')`, [r.id, people.truus, people.fatima]);

			for (const me of [
				user(people.truus, []),
				user(people.fatima, [{ organisationId: CENTRE, role: 'volunteer' }]),
				user(people.sanne, [{ organisationId: CENTRE, role: 'coordinator' }]),
				user(people.jan, [])
			]) {
				const db = await asUser(me.id);
				const { result: page, calls } = await roundTrips(() => readRequestPage(db, me, r.id));
				expect(calls).toHaveLength(1);
				expect(calls[0]).toMatch(/\/rpc\/request_page/);
				expect(page).toEqual(await separately(db, me, r.id));
			}
			const truusPage = await readRequestPage(await asUser(people.truus), user(people.truus, []), r.id);
			expect(truusPage!.messages.map((m) => m.body)).toEqual(['Zullen we om tien uur gaan?', 'Goed.']);
			expect(truusPage!.messages[1].voice_messages).toEqual({ transcript: 'Tot vrijdag.', transcript_source: 'automatic' });
			expect(truusPage!.address).toBe('Dorpsstraat 1');
			expect(truusPage!.contact).not.toBeNull();
			// RLS still decides: Jan, who neither asks nor helps, gets no page at all
			expect(await readRequestPage(await asUser(people.jan), user(people.jan, []), r.id)).toBeNull();
		} finally {
			await sql('delete from help_requests where id = $1', [r.id]);
		}
	});
});
