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

type PersonInput = { display_name: string; area_id: string; preferred_language: 'nl' | 'en' };

/**
 * Why a change of someone's details was refused, in words a route can answer with:
 * unknown_area: no such area (a foreign-key violation);
 * area_not_allowed: a coordinator's change outside their own areas (the database's guard);
 * not_found: no row changed, because RLS hides the person from this caller.
 */
export type ProfileRefusal = 'unknown_area' | 'area_not_allowed' | 'not_found';
export type ProfileResult = { ok: true } | { ok: false; reason: ProfileRefusal };

function refusal(err: unknown): ProfileRefusal | null {
	const code = (err as { code?: string })?.code;
	if (code === '23503') return 'unknown_area';
	if (code === '42501') return 'area_not_allowed';
	return null;
}

export async function completeOnboarding(db: Db, id: string, input: PersonInput): Promise<ProfileResult> {
	try {
		unwrap(await db.from('profiles').update({ ...input, onboarded_at: new Date().toISOString() }).eq('id', id));
	} catch (err) {
		const reason = refusal(err);
		if (reason) return { ok: false, reason };
		throw err;
	}
	return { ok: true };
}

/**
 * Changes someone's details: one's own, or (as a coordinator) those of a resident who phoned in.
 * The database logs a change made on someone else's behalf.
 */
export async function updateProfile(db: Db, id: string, input: PersonInput & { phone: string }): Promise<ProfileResult> {
	let rows: { id: string }[];
	try {
		rows = unwrap(
			await db
				.from('profiles')
				.update({ ...input, phone: input.phone || null })
				.eq('id', id)
				.select('id')
		);
	} catch (err) {
		const reason = refusal(err);
		if (reason) return { ok: false, reason };
		throw err;
	}
	return rows.length === 1 ? { ok: true } : { ok: false, reason: 'not_found' };
}

export async function updateLanguage(db: Db, id: string, language: 'nl' | 'en'): Promise<void> {
	unwrap(await db.from('profiles').update({ preferred_language: language }).eq('id', id));
}

/**
 * Registers a resident without e-mail; the database checks the coordinator's area and logs it.
 * An area that does not exist and an area of another organisation get the same answer.
 */
export async function registerResident(
	db: Db,
	input: PersonInput & { phone: string }
): Promise<{ ok: true; id: string } | { ok: false; reason: 'area_not_allowed' }> {
	try {
		return { ok: true, id: unwrap(await db.rpc('register_resident', input)) };
	} catch (err) {
		if (refusal(err)) return { ok: false, reason: 'area_not_allowed' };
		throw err;
	}
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

/** What "Mijn gegevens" shows: one's own profile and the areas to choose from. */
export async function readOwnDetails(db: Db, id: string) {
	const [profile, areas] = await Promise.all([readProfile(db, id), listAreas(db)]);
	return profile ? { profile, areas } : null;
}

/**
 * A resident a coordinator registered, with the areas and the log of what was done on their
 * behalf. Null when there is no such person, or RLS hides them (another organisation's area),
 * or they signed up themselves.
 */
export async function readRegisteredResident(db: Db, id: string) {
	const profile = await readProfile(db, id);
	if (!profile?.created_by) return null;
	const [areas, log] = await Promise.all([listAreas(db), listAuditFor(db, id)]);
	return { profile, areas, log };
}
