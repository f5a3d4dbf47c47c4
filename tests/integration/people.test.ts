import { describe, expect, it } from 'vitest';
import { asUser, people, areas, sql } from './helpers';
import { completeOnboarding, registerResident, updateProfile } from '../../src/lib/server/people';

// What the people functions answer a route when the database says no: words, not error codes.
const nowhere = '00000000-0000-4000-8000-000000000199';
const details = { display_name: 'Mevrouw Willems', preferred_language: 'nl' as const, phone: '043 765 43 21' };

describe('refusals the forms show next to the area field', () => {
	it('registering someone in another organisation’s area, or in an area that does not exist', async () => {
		const kees = await asUser(people.kees);
		expect(await registerResident(kees, { ...details, area_id: areas.centrum })).toEqual({ ok: false, reason: 'area_not_allowed' });
		const sanne = await asUser(people.sanne);
		expect(await registerResident(sanne, { ...details, area_id: nowhere })).toEqual({ ok: false, reason: 'area_not_allowed' });
	});

	it('a coordinator of another organisation changes nobody: not found, and nothing changed', async () => {
		const kees = await asUser(people.kees);
		expect(await updateProfile(kees, people.willems, { ...details, display_name: 'Veranderd', area_id: areas.centrum })).toEqual({
			ok: false,
			reason: 'not_found'
		});
		const [row] = await sql<{ display_name: string }>('select display_name from profiles where id = $1', [people.willems]);
		expect(row.display_name).toBe('Mevrouw Willems');
	});

	it('a coordinator cannot move her resident into another organisation’s area', async () => {
		const sanne = await asUser(people.sanne);
		expect(await updateProfile(sanne, people.willems, { ...details, area_id: areas.heide })).toEqual({ ok: false, reason: 'area_not_allowed' });
		const [row] = await sql<{ area_id: string }>('select area_id from profiles where id = $1', [people.willems]);
		expect(row.area_id).toBe(areas.centrum);
	});

	it('an area that does not exist, on one’s own details and in onboarding', async () => {
		const truus = await asUser(people.truus);
		expect(await updateProfile(truus, people.truus, { ...details, display_name: 'Truus Peters', area_id: nowhere })).toEqual({
			ok: false,
			reason: 'unknown_area'
		});
		expect(await completeOnboarding(truus, people.truus, { display_name: 'Truus Peters', preferred_language: 'nl', area_id: nowhere })).toEqual({
			ok: false,
			reason: 'unknown_area'
		});
		const [row] = await sql<{ area_id: string }>('select area_id from profiles where id = $1', [people.truus]);
		expect(row.area_id).toBe(areas.noord);
	});
});
