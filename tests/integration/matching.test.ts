import { describe, expect, it, beforeAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { asUser, people, sql } from './helpers';
import { suggestionReason } from '../../src/lib/help/reasons';
import { translate } from '../../src/lib/server/i18n';

// A hand-made set around Molenbroek (50.7950, 5.8100), all offering garden work.
const molenbroek = '00000000-0000-4000-8000-000000000106';
const LAT_PER_METRE = 1 / 111_319.5; // on ll_to_earth's sphere (radius 6378168 m)
const tuesdayAfternoon = 1 << (1 * 3 + 1);
const saturdayMorning = 1 << (5 * 3 + 0);
const volunteers = {
	anna: { north: 300, availability: tuesdayAfternoon, maxKm: 5 },
	bram: { north: 2000, availability: tuesdayAfternoon, maxKm: 5 },
	cor: { north: 300, availability: saturdayMorning, maxKm: 5 },
	dina: { north: 300, availability: tuesdayAfternoon, maxKm: 5 }, // two matches this month
	eef: { north: 6000, availability: tuesdayAfternoon, maxKm: 5 }, // too far for her own limit
	frits: { north: 500, availability: tuesdayAfternoon, maxKm: 5 } // declined earlier
};
const ids: Record<string, string> = {};
let requestId = '';

function nextTuesday(): string {
	const d = new Date();
	d.setUTCDate(d.getUTCDate() + ((2 - d.getUTCDay() + 7) % 7 || 7));
	return d.toISOString().slice(0, 10);
}

beforeAll(async () => {
	for (const [name, v] of Object.entries(volunteers)) {
		const id = randomUUID();
		ids[name] = id;
		await sql('insert into profiles (id, display_name, area_id, onboarded_at) values ($1, $2, $3, now())', [id, `${name[0].toUpperCase()}${name.slice(1)} Test`, molenbroek]);
		await sql("insert into memberships (organisation_id, profile_id, role) values ('00000000-0000-4000-8000-000000000202', $1, 'volunteer')", [id]);
		await sql('insert into volunteer_profiles (profile_id, area_id, latitude, longitude, max_distance_km, availability) values ($1, $2, $3, 5.81, $4, $5)', [
			id, molenbroek, 50.795 + v.north * LAT_PER_METRE, v.maxKm, v.availability
		]);
		await sql("insert into volunteer_categories (volunteer_id, category_id) values ($1, 'garden')", [id]);
	}
	for (let i = 0; i < 2; i++) {
		await sql(
			`insert into help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind, status, helper_id, matched_at)
			 values ($1, $2, $2, 'garden', 'Eerder', $3, 'asap', 'matched', $4, now() - interval '3 days')`,
			[randomUUID(), people.jan, molenbroek, ids.dina]
		);
	}
	const db = await asUser(people.jan);
	const { data, error } = await db.rpc('create_help_request', {
		p_submission: randomUUID(), p_requester: people.jan, p_category: 'garden', p_description: 'De heg moet geknipt worden.',
		p_area: molenbroek, p_when: 'on_date', p_when_date: nextTuesday()
	});
	if (error) throw new Error(error.message);
	requestId = data!;
	await sql('insert into help_declines (request_id, volunteer_id) values ($1, $2)', [requestId, ids.frits]);
});

describe('suggested helpers for one request', () => {
	it('ranks by distance, a shared time, and fairness; leaves out the too-far and the declined', async () => {
		const { data, error } = await (await asUser(people.kees)).rpc('suggest_helpers', { p_request: requestId });
		expect(error).toBeNull();
		const order = data!.map((s) => Object.entries(ids).find(([, id]) => id === s.helper_id)?.[0]);
		expect(order).toEqual(['anna', 'cor', 'bram', 'dina']);
	});

	it('gives each suggestion a reason in plain Dutch', async () => {
		const { data } = await (await asUser(people.kees)).rpc('suggest_helpers', { p_request: requestId });
		const t = (key: string, options?: { values?: Record<string, string | number> }) => translate('nl', key, options?.values);
		const reasons = Object.fromEntries(data!.map((s) => [s.first_name, suggestionReason(s, t)]));
		expect(reasons).toEqual({
			Anna: 'woont 300 meter verderop · kan op dinsdagmiddag · hielp deze maand nog niemand',
			Cor: 'woont 300 meter verderop · hielp deze maand nog niemand',
			Bram: 'woont 2 kilometer verderop · kan op dinsdagmiddag · hielp deze maand nog niemand',
			Dina: 'woont 300 meter verderop · kan op dinsdagmiddag · hielp deze maand al 2 keer'
		});
	});

	it('only the requester and coordinators of the area may ask for suggestions', async () => {
		expect((await (await asUser(people.jan)).rpc('suggest_helpers', { p_request: requestId })).error).toBeNull();
		expect((await (await asUser(people.sanne)).rpc('suggest_helpers', { p_request: requestId })).error?.code).toBe('42501');
		expect((await (await asUser(people.fatima)).rpc('suggest_helpers', { p_request: requestId })).error?.code).toBe('42501');
	});

	it('a buddy request suggests only volunteers with a VOG of at most three years', async () => {
		await sql("insert into volunteer_categories (volunteer_id, category_id) values ($1, 'buddy'), ($2, 'buddy')", [ids.anna, ids.bram]);
		await sql("update volunteer_profiles set vog_date = current_date - 100 where profile_id = $1", [ids.bram]);
		const db = await asUser(people.jan);
		const { data: id } = await db.rpc('create_help_request', {
			p_submission: randomUUID(), p_requester: people.jan, p_category: 'buddy', p_description: 'Wie wandelt met mij?', p_area: molenbroek, p_when: 'regularly'
		});
		const { data } = await db.rpc('suggest_helpers', { p_request: id! });
		expect(data!.map((s) => s.helper_id)).toEqual([ids.bram]);
	});

	it('a volunteer who stops offering a kind of help is no longer suggested for it; the copy cannot be set by hand', async () => {
		const db = await asUser(people.jan);
		const ask = async () => {
			const { data: id } = await db.rpc('create_help_request', {
				p_submission: randomUUID(), p_requester: people.jan, p_category: 'paperwork', p_description: 'Wie helpt met een brief?', p_area: molenbroek, p_when: 'asap'
			});
			return ((await db.rpc('suggest_helpers', { p_request: id! })).data ?? []).map((s) => s.helper_id);
		};
		await sql("insert into volunteer_categories (volunteer_id, category_id) values ($1, 'paperwork')", [ids.cor]);
		expect(await ask()).toEqual([ids.cor]);
		await sql("delete from volunteer_categories where volunteer_id = $1 and category_id = 'paperwork'", [ids.cor]);
		expect(await ask()).toEqual([]);
		// Anna writes the copy herself through the API: it stays as her real categories say.
		const anna = await asUser(ids.anna);
		const update = await anna.from('volunteer_profiles').update({ categories: ['paperwork'], skills: 'Brieven' }).eq('profile_id', ids.anna).select('skills');
		expect(update.data).toEqual([{ skills: 'Brieven' }]);
		expect((await sql<{ categories: string[] }>('select categories from volunteer_profiles where profile_id = $1', [ids.anna]))[0].categories).not.toContain('paperwork');
		expect(await ask()).toEqual([]);
	});
});
