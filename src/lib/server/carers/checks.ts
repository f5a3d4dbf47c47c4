// "Hoe gaat het met u?": the municipality's questions (set by its carer-support officer, each
// change a new version), the carer's answers with an optional voice note, support nearby when it
// is heavy, and "Bel mij terug". Whether a check is heavy the database works out when it is saved.
import { unwrap, type Db } from '../db/clients';
import { isDuplicate } from '../db/errors';
import { insertWithVoice, recordingFor } from '../voice/store';
import { checkAnswers, decimalOf, questionLines, type CheckInput } from '$lib/schemas/carers';
import type { FieldRefusal } from '$lib/schemas/fields';
import { refusalOf, type Refusal } from './refusal';

export type CheckQuestions = { id: string; questions: string[]; heavy_from: number };

/** The questions for the signed-in carer: those of the municipality they live in, or the usual ones. */
export async function myCheckQuestions(db: Db): Promise<CheckQuestions> {
	const [scale] = unwrap(await db.rpc('carer_my_check_scale')) as CheckQuestions[];
	return { ...scale, heavy_from: Number(scale.heavy_from) };
}

/** For the officer: the questions that count now, and whether they are the municipality's own. */
export async function readCheckQuestions(db: Db, municipalityId: string): Promise<CheckQuestions & { own: boolean }> {
	const current = unwrap(await db.rpc('carer_current_check_scale', { p_municipality: municipalityId })) as string;
	const scale = unwrap(await db.from('carer_check_scales').select('id, questions, heavy_from, municipality_id').eq('id', current).single());
	return { id: scale.id, questions: scale.questions, heavy_from: Number(scale.heavy_from), own: scale.municipality_id !== null };
}

/** A new version of the questions; checks already done keep the questions they were answered with. */
export async function saveCheckQuestions(db: Db, officerId: string, municipalityId: string, input: { questions: string; heavy_from: string }): Promise<{ ok: true } | Refusal> {
	const { error } = await db
		.from('carer_check_scales')
		.insert({ municipality_id: municipalityId, questions: questionLines(input.questions), heavy_from: decimalOf(input.heavy_from), created_by: officerId });
	if (error) return refusalOf(error) ?? { ok: false, status: 400, error: 'carers.errors.check_questions' };
	return { ok: true };
}

export type SupportEntry = { id: string; name: string; summary: string; phone: string | null };
export type Checked = { id: string; heavy: boolean; support: SupportEntry[] };

/**
 * Saves the carer's answers (and voice note) to the questions they were shown. A refused
 * recording or changed questions come back as a refusal for the form; nothing is saved then.
 */
export async function saveCheck(db: Db, user: { id: string; areaId: string | null }, input: CheckInput): Promise<Checked | FieldRefusal> {
	const voice = await recordingFor(db, input.voice ?? null);
	if ('error' in voice) return { status: 400, field: 'voice', message: voice.error };
	let id: string;
	try {
		id = await insertWithVoice(db, 'carer_check', { carer_id: user.id, scale_id: input.scale_id, answers: checkAnswers(input) }, voice.voice);
	} catch (err) {
		const refusal = refusalOf(err);
		if (refusal) return { status: refusal.status, field: '', message: refusal.error };
		throw err;
	}
	const { heavy } = unwrap(await db.from('carer_checks').select('heavy').eq('id', id).single());
	return { id, heavy, support: heavy ? await carerSupportNearby(db, user.areaId) : [] };
}

/**
 * Support for carers in the carer's area (or for the whole municipality) from the sociale kaart,
 * read through its public search (search_social_map, as anyone reusing the kaart reads it), so
 * only checked entries show and this domain does not import the kaart's code.
 */
async function carerSupportNearby(db: Db, areaId: string | null): Promise<SupportEntry[]> {
	const found = await db
		.rpc('search_social_map', { words: '', topic: 'carers', ...(areaId ? { area: areaId } : {}) })
		.select('id, name, summary, phone')
		.limit(4);
	return unwrap(found) as unknown as SupportEntry[];
}

/** The carer's own checks, newest first: when, heavy or not, the voice note. */
export async function listMyChecks(db: Db, userId: string) {
	return unwrap(await db.from('carer_checks').select('id, heavy, voice_id, created_at').eq('carer_id', userId).order('created_at', { ascending: false }).limit(20));
}

/** "Bel mij terug": one call-back task for the team; a second for the same check is refused. */
export async function askCallBack(db: Db, checkId: string): Promise<{ ok: true } | Refusal> {
	try {
		unwrap(await db.rpc('carer_ask_call_back', { p_check: checkId }));
	} catch (err) {
		if (isDuplicate(err)) return { ok: false, status: 409, error: 'carers.errors.call_back_twice' };
		const refusal = refusalOf(err);
		if (refusal) return refusal;
		throw err;
	}
	return { ok: true };
}

/** For the team: counts of the year's checks (cells under 5 are null) and the open call-backs. */
export async function readCheckOverview(db: Db, municipalityId: string, year: number) {
	const [counts] = unwrap(await db.rpc('carer_check_counts', { p_municipality: municipalityId, p_year: year }));
	const callBacks = unwrap(await db.rpc('carer_call_back_list', { p_municipality: municipalityId }));
	return { counts: counts ?? { checks: null, heavy: null, call_backs: null }, callBacks };
}
