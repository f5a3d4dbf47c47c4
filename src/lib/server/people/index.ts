// People: profiles, onboarding, and what a coordinator does for a resident who phoned in.
import { unwrap, unwrapMaybe, type Db } from '../db/clients';

export type Area = { id: string; name: string; kind: 'wijk' | 'kern' | 'dorp' };

export async function listAreas(db: Db): Promise<Area[]> {
	return unwrap(await db.from('areas').select('id, name, kind').order('name'));
}

export async function readProfile(db: Db, id: string) {
	return unwrapMaybe(
		await db
			.from('profiles')
			.select('id, display_name, area_id, preferred_language, email, phone, created_by, created_at')
			.eq('id', id)
			.maybeSingle()
	);
}

/** Postgres' foreign-key violation: an area that does not exist (or not in this municipality). */
export const isUnknownArea = (err: unknown) => (err as { code?: string })?.code === '23503';

export async function completeOnboarding(
	db: Db,
	id: string,
	input: { display_name: string; area_id: string; preferred_language: 'nl' | 'en' }
): Promise<void> {
	unwrap(await db.from('profiles').update({ ...input, onboarded_at: new Date().toISOString() }).eq('id', id));
}

export async function updateProfile(
	db: Db,
	id: string,
	input: { display_name: string; area_id: string; preferred_language: 'nl' | 'en'; phone: string }
): Promise<boolean> {
	const rows = unwrap(
		await db
			.from('profiles')
			.update({ ...input, phone: input.phone || null })
			.eq('id', id)
			.select('id')
	);
	return rows.length === 1;
}

export async function updateLanguage(db: Db, id: string, language: 'nl' | 'en'): Promise<void> {
	unwrap(await db.from('profiles').update({ preferred_language: language }).eq('id', id));
}

/** Registers a resident without e-mail; the database checks the coordinator's area and logs it. */
export async function registerResident(
	db: Db,
	input: { display_name: string; phone: string; area_id: string; preferred_language: 'nl' | 'en' }
): Promise<string> {
	return unwrap(await db.rpc('register_resident', input));
}

/** People registered by phone in the coordinator's areas (RLS limits the rows). */
export async function listRegisteredResidents(db: Db) {
	return unwrap(
		await db
			.from('profiles')
			.select('id, display_name, phone, area_id, created_at, areas(name)')
			.not('created_by', 'is', null)
			.order('created_at', { ascending: false })
	);
}

export async function listAuditFor(db: Db, profileId: string) {
	return unwrap(
		await db
			.from('audit_log')
			.select('id, at, action, actor_id')
			.eq('on_behalf_of', profileId)
			.order('at', { ascending: false })
			.limit(50)
	);
}
