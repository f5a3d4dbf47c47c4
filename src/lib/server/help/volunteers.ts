// Volunteers: their standing offer (categories, place, distance, availability) and one-off offers.
import { recordingFor } from '../voice/store';
import { isNotAllowed, isUnknownReference } from '../db/errors';
import { unwrap, unwrapMaybe, type Db } from '../db/clients';
import type { SessionUser } from '../auth/session';
import { maskToSlots, slotsToMask, type CATEGORY_IDS, type OfferInput } from '$lib/schemas/help';
import type { FieldRefusal } from '$lib/schemas/fields';

export async function readVolunteerProfile(db: Db, userId: string) {
	const profile = unwrapMaybe(
		await db.from('volunteer_profiles').select('area_id, max_distance_km, availability, skills, vog_date, active').eq('profile_id', userId).maybeSingle()
	);
	const categories = unwrap(await db.from('volunteer_categories').select('category_id').eq('volunteer_id', userId)).map((c) => c.category_id);
	return profile ? { ...profile, categories } : null;
}

/** The standing offer as the form on /hulp/bieden shows it (defaults for a new volunteer). */
export async function volunteerProfileValues(db: Db, user: SessionUser) {
	const profile = await readVolunteerProfile(db, user.id);
	return {
		values: {
			categories: (profile?.categories ?? []) as (typeof CATEGORY_IDS)[number][],
			area_id: profile?.area_id ?? user.areaId ?? '',
			max_distance_km: Number(profile?.max_distance_km ?? 3),
			slots: maskToSlots(profile?.availability ?? 0),
			skills: profile?.skills ?? ''
		},
		vogDate: profile?.vog_date ?? null
	};
}

type VolunteerInput = { categories: string[]; area_id: string; max_distance_km: number; slots: number[]; skills: string };

/** An area that exists (an unknown id from a forged form is a field error, not a 500). */
async function areaExists(db: Db, areaId: string): Promise<boolean> {
	return !!unwrapMaybe(await db.from('areas').select('id').eq('id', areaId).maybeSingle());
}

/** Saves the volunteer's standing offer; refused: which field says why. */
export async function saveVolunteerProfile(db: Db, userId: string, input: VolunteerInput): Promise<FieldRefusal | null> {
	if (!(await areaExists(db, input.area_id))) return { status: 400, field: 'area_id', message: 'errors.area_missing' };
	try {
		await writeVolunteerProfile(db, userId, input);
		return null;
	} catch (err) {
		if (isNotAllowed(err)) return { status: 403, field: 'categories', message: 'errors.not_allowed' };
		if (isUnknownReference(err)) return { status: 400, field: 'area_id', message: 'errors.area_missing' };
		throw err;
	}
}

async function writeVolunteerProfile(db: Db, userId: string, input: VolunteerInput): Promise<void> {
	const area = unwrap(await db.from('areas').select('latitude, longitude').eq('id', input.area_id).single());
	const row = {
		area_id: input.area_id,
		latitude: area.latitude,
		longitude: area.longitude,
		max_distance_km: input.max_distance_km,
		availability: slotsToMask(input.slots),
		skills: input.skills || null
	};
	const existing = unwrapMaybe(await db.from('volunteer_profiles').select('profile_id').eq('profile_id', userId).maybeSingle());
	if (existing) unwrap(await db.from('volunteer_profiles').update(row).eq('profile_id', userId));
	else unwrap(await db.from('volunteer_profiles').insert({ profile_id: userId, ...row }));
	unwrap(await db.from('volunteer_categories').delete().eq('volunteer_id', userId));
	unwrap(await db.from('volunteer_categories').insert(input.categories.map((category_id) => ({ volunteer_id: userId, category_id }))));
}

export async function createOffer(
	db: Db,
	userId: string,
	input: { category_id: string; area_id: string; description: string; available_on: string },
	voiceId: string | null = null
): Promise<void> {
	// A recording (voice_id) is tied to the offer by the database when the offer is saved.
	unwrap(
		await db
			.from('help_offers')
			.insert({
				volunteer_id: userId,
				category_id: input.category_id,
				area_id: input.area_id,
				description: input.description,
				available_on: input.available_on || null,
				voice_id: voiceId
			})
	);
}

/** Open one-off offers, nearest to the person's own area first: first name only, no contact. */
export async function browseOffers(db: Db, limit = 50) {
	const offers = unwrap(await db.rpc('browse_offers', { p_limit: limit }));
	const voiceIds = offers.flatMap((o) => (o.voice_id ? [o.voice_id] : []));
	const transcripts = voiceIds.length
		? unwrap(await db.from('voice_messages').select('id, transcript, transcript_source').in('id', voiceIds))
		: [];
	return offers.map((o) => ({ ...o, transcript: transcripts.find((t) => t.id === o.voice_id) ?? null }));
}

export async function readOffer(db: Db, offerId: string) {
	return unwrap(await db.from('help_offers').select('id, area_id, volunteer_id, closed_at, hidden_at').eq('id', offerId).maybeSingle());
}

export async function listMyOffers(db: Db, userId: string) {
	return unwrap(
		await db.from('help_offers').select('id, category_id, description, voice_id, available_on, closed_at, hidden_at, voice_messages!help_offers_voice_id_fkey(transcript, transcript_source)').eq('volunteer_id', userId).is('closed_at', null).order('created_at', { ascending: false })
	);
}

export async function closeOffer(db: Db, userId: string, offerId: string) {
	unwrap(await db.from('help_offers').update({ closed_at: new Date().toISOString() }).eq('id', offerId).eq('volunteer_id', userId));
}

/** For a coordinator: volunteers in their areas with their VOG date. */
export async function listVolunteersInMyAreas(db: Db) {
	return unwrap(
		await db.from('volunteer_profiles').select('profile_id, area_id, vog_date, active, areas(name), profiles(display_name)').order('profile_id')
	);
}

export async function setVogDate(db: Db, volunteerId: string, date: string | null) {
	const rows = unwrap(await db.from('volunteer_profiles').update({ vog_date: date }).eq('profile_id', volunteerId).select('profile_id'));
	return rows.length === 1;
}

/** A one-off offer, typed or spoken. Refused: which field says why. */
export async function offerHelp(db: Db, userId: string, input: OfferInput): Promise<FieldRefusal | null> {
	// Checked before the recording is kept, so a refused offer leaves nothing behind.
	if (!(await areaExists(db, input.area_id))) return { status: 400, field: 'area_id', message: 'errors.area_missing' };
	const voice = await recordingFor(db, userId, input.voice ?? null);
	if ('error' in voice) return { status: 400, field: 'voice', message: voice.error };
	try {
		await createOffer(db, userId, input, voice.id);
	} catch (err) {
		if (isNotAllowed(err)) return { status: 403, field: 'description', message: 'errors.not_allowed' };
		if (isUnknownReference(err)) return { status: 400, field: 'area_id', message: 'errors.area_missing' };
		throw err;
	}
	return null;
}
