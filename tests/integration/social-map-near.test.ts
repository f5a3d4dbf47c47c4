// The sociale kaart's "dichtbij eerst" and its scheduled re-checks, through the API as each role.
import { describe, expect, it } from 'vitest';
import { asAnon, asUser, people, sql } from './helpers';

const S = (n: number) => `00000000-0000-4000-8000-000000000${n}`;
const FOOD_BANK = S(951); // given at Uitgiftepunt Oost
const OOST = S(103);
const BEEKDAL = S(104);
const HIDDEN = S(965); // checked 700 days ago: hidden

describe('the sociale kaart, near and re-checked', async () => {
	const { searchServices } = await import('../../src/lib/server/social-map');
	const { askForRechecks } = await import('../../src/lib/server/social-map/rechecks');

	it('"dichtbij eerst" puts the nearest first, measured from the chosen area', async () => {
		const anon = await asAnon();
		const fromOost = await searchServices(anon, { q: '', near: 'on', area: OOST });
		const distances = fromOost.map((s) => s.distance_m ?? Number.MAX_SAFE_INTEGER);
		expect(distances).toEqual([...distances].sort((a, b) => a - b));
		const food = fromOost.find((s) => s.id === FOOD_BANK)!;
		expect(food.distance_m).toBeLessThan(1000);
		const fromBeekdal = await searchServices(anon, { q: 'voedselbank', near: 'on', area: BEEKDAL });
		expect(fromBeekdal.find((s) => s.id === FOOD_BANK)!.distance_m).toBeGreaterThan(food.distance_m!);
		// Without "dichtbij" nothing is measured.
		expect((await searchServices(anon, { q: 'voedselbank' }))[0].distance_m).toBeUndefined();
	});

	it('the searcher\'s own area counts when no area is chosen', async () => {
		const truus = await asUser(people.truus); // lives in Noord
		const near = await searchServices(truus, { q: '', near: 'on' }, S(102));
		expect(near.some((s) => typeof s.distance_m === 'number')).toBe(true);
	});

	it('a hidden entry is never measured, whoever asks', async () => {
		const { data } = await (await asAnon()).rpc('map_service_distances', { p_services: [HIDDEN, FOOD_BANK], p_area: OOST });
		expect((data ?? []).map((d) => d.service_id)).toEqual([FOOD_BANK]);
	});

	it('an entry due for its check is put before its editors once, and its provider is asked', async () => {
		await sql(`update map_services set assured_date = current_date - interval '7 months', recheck_months = 6 where id = $1`, [FOOD_BANK]);
		await sql(`update map_providers set email = 'info@voedselbank-heuvelland.example' where id = $1`, [S(904)]);
		expect(await askForRechecks('http://localhost')).toBeGreaterThanOrEqual(1);
		const tasks = await sql<{ asked_at: string | null }>('select asked_at from map_recheck_tasks where service_id = $1 and done_at is null', [FOOD_BANK]);
		expect(tasks).toHaveLength(1);
		expect(tasks[0].asked_at).not.toBeNull();
		const told = await sql<{ profile_id: string }>(`select profile_id from notifications where kind = 'map_recheck_due' and subject_id = $1`, [FOOD_BANK]);
		expect(told.map((t) => t.profile_id)).toEqual([people.sanne]);
		// The editor sees the task on their list; a second run asks nobody again.
		expect((await (await asUser(people.sanne)).from('map_recheck_tasks').select('id').eq('service_id', FOOD_BANK)).data).toHaveLength(1);
		await askForRechecks('http://localhost');
		expect(await sql(`select 1 from notifications where kind = 'map_recheck_due' and subject_id = $1`, [FOOD_BANK])).toHaveLength(1);
		expect((await (await asUser(people.sanne)).rpc('claim_map_rechecks')).error?.code).toBe('42501');
		// The asking itself is no change to the entry: nothing in its change log.
		expect(await sql(`select field from map_changes where service_id = $1 and field not in ('assured_date', 'recheck_months')`, [FOOD_BANK])).toEqual([]);
	});
});
