// Volunteers: their standing offer (categories, place, distance, availability) and one-off offers.
import { insertWithVoice, recordingFor, type PreparedVoice } from '../voice/store';
import { isBadInput, isNotAllowed, isUnknownReference } from '../db/errors';
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

/**
 * Saves the volunteer's standing offer in one database transaction (save_volunteer_profile):
 * all of it or nothing, each category once. Refused: which field says why.
 */
export async function saveVolunteerProfile(db: Db, _userId: string, input: VolunteerInput): Promise<FieldRefusal | null> {
	const { error } = await db.rpc('save_volunteer_profile', {
		p_area: input.area_id,
		p_max_distance_km: input.max_distance_km,
		p_availability: slotsToMask(input.slots),
		p_skills: input.skills ?? '',
		p_categories: input.categories
	});
	if (!error) return null;
	if (isNotAllowed(error)) return { status: 403, field: 'categories', message: 'errors.not_allowed' };
	if (isUnknownReference(error) || isBadInput(error)) return { status: 400, field: 'area_id', message: 'errors.area_missing' };
	throw new Error(error.message);
}

export async function createOffer(
	db: Db,
	userId: string,
	input: { category_id: string; area_id: string; description: string; available_on: string },
	voice: PreparedVoice | string | null = null
): Promise<void> {
	// The offer and its recording are saved together: a refused offer leaves no recording.
	await insertWithVoice(
		db,
		'help_offer',
		{
			volunteer_id: userId,
			category_id: input.category_id,
			area_id: input.area_id,
			description: input.description,
			available_on: input.available_on || null
		},
		voice
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
	const voice = await recordingFor(db, input.voice ?? null);
	if ('error' in voice) return { status: 400, field: 'voice', message: voice.error };
	try {
		await createOffer(db, userId, input, voice.voice);
	} catch (err) {
		if (isNotAllowed(err)) return { status: 403, field: 'description', message: 'errors.not_allowed' };
		if (isUnknownReference(err)) return { status: 400, field: 'area_id', message: 'errors.area_missing' };
		throw err;
	}
	return null;
}
