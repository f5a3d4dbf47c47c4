// A help need of an initiative becomes a help request in the marketplace. The database does it
// (initiative_help_request(): a founder, who may post, in the initiative's area), so this domain
// never imports the help domain; it reads the kinds of help, a public reference table.
import { unwrap, unwrapMaybe, type Db } from '../db/clients';
import { isBadInput, isDuplicate, isNotAllowed } from '../db/errors';
import type { FieldRefusal } from '$lib/schemas/fields';
import { keepDraft } from '../voice/store';

/** The page: the initiative's name, the kinds of help and the requests made so far; null when not a founder's. */
export async function readHelpNeeds(db: Db, initiativeId: string, userId: string) {
	const initiative = unwrapMaybe(await db.from('initiatives').select('id, name, founder_id, area_id, place').eq('id', initiativeId).maybeSingle());
	if (!initiative) return null;
	const isFounder = initiative.founder_id === userId || unwrap(await db.rpc('is_initiative_founder', { p_initiative: initiativeId })) === true;
	if (!isFounder) return null;
	const [categories, links] = await Promise.all([
		db.from('help_categories').select('id').order('sort_order').then(unwrap),
		db.from('initiative_help_requests').select('request_id, created_at').eq('initiative_id', initiativeId).order('created_at').then(unwrap)
	]);
	const requests = links.length
		? unwrap(await db.from('help_requests').select('id, category_id, description, status').in('id', links.map((l) => l.request_id)))
		: [];
	return { initiative: { id: initiative.id, name: initiative.name, place: initiative.place }, categories: categories.map((c) => c.id), requests };
}

/** Asks neighbours for help with the initiative, typed or spoken; the new request's id, or why not next to its field. */
export async function askNeighboursForHelp(
	db: Db,
	initiativeId: string,
	input: { submission_id: string; category_id: string; description: string; when_date?: string; address: string },
	voice: File | null
): Promise<{ id: string } | FieldRefusal> {
	const recording = await keepDraft(db, voice);
	if ('error' in recording) return { status: 400, field: 'description', message: recording.error };
	if (!input.description && !recording.id) return { status: 400, field: 'description', message: 'initiatives.errors.help_missing' };
	const { data, error } = await db.rpc('initiative_help_request', {
		p_initiative: initiativeId,
		p_submission: input.submission_id,
		p_category: input.category_id,
		p_description: input.description,
		p_when_date: input.when_date || undefined,
		p_voice: recording.id ?? undefined,
		p_address: input.address
	});
	if (error && isBadInput(error) && error.message.includes('day')) return { status: 400, field: 'when_date', message: 'initiatives.errors.date_past' };
	if (error && isBadInput(error) && error.message.includes('200 characters')) return { status: 400, field: 'address', message: 'initiatives.errors.too_long' };
	if (error && isNotAllowed(error)) return { status: 403, field: 'description', message: 'initiatives.errors.not_yours' };
	if (error && isBadInput(error) && error.message.includes('kind of help')) return { status: 400, field: 'category_id', message: 'initiatives.errors.help_category' };
	if (error && isBadInput(error) && error.message.includes('where')) return { status: 400, field: 'category_id', message: 'initiatives.errors.help_no_area' };
	if (error && isBadInput(error)) return { status: 400, field: 'description', message: 'initiatives.errors.help_missing' };
	if (error && isDuplicate(error)) return { status: 409, field: 'description', message: 'errors.form' };
	if (error) throw error;
	return { id: data as string };
}
