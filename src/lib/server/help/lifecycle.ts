// What happens to one request, and who is told: the request page's data, the lifecycle steps,
// messages, thanks and the coordinator's summary. The database decides who may do what
// (help_act(), RLS); this module decides who hears about it.
import { adminClient, unwrap, type Db } from '../db/clients';
import { ASK_STEPS, type AskForm, type AskInput, type AskStep } from '$lib/schemas/help';
import type { FieldRefusal } from '$lib/schemas/fields';
import type { SessionUser } from '../auth/session';
import { hasRole } from '../auth/guard';
import { isBadInput, isDuplicate, isMissing, isNotAllowed, isRefusedNow, isUnknownReference } from '../db/errors';
import { notify } from '../notifications';
import { readVoice, recordingFor, saveVoice } from '../voice/store';
import { insertMessage, insertThanks, listMessages, listThanksFor } from './conversation';
import {
	act, allowedActions, askForHelp, contactDetails, listCategories, readRequest, suggestHelpers, type HelpAction
} from './requests';
import type { HelpNotificationKind } from './register';
import './register';

export const HELP_ACTIONS: HelpAction[] = ['offer', 'introduce', 'accept', 'decline', 'withdraw', 'mark_done', 'confirm_done', 'cancel', 'reopen'];

/** A refusal a page shows next to the form: which message, which HTTP status. */
export type Refusal = FieldRefusal;

type RequestPage = {
	request: NonNullable<Awaited<ReturnType<typeof readRequest>>>;
	coordinates_area: boolean;
	requester_name: string;
	helper_name: string;
	contact: Awaited<ReturnType<typeof contactDetails>>;
	address: string | null;
	messages: Awaited<ReturnType<typeof listMessages>>;
	thanks: Awaited<ReturnType<typeof listThanksFor>>;
	suggestions: Awaited<ReturnType<typeof suggestHelpers>>;
	voice: Awaited<ReturnType<typeof readVoice>>;
	categories: Awaited<ReturnType<typeof listCategories>>;
} | null;

/**
 * Everything the request page shows this person, as RLS lets them see it: the requester, the
 * helper, volunteers while it is open (and its recording: who may read a request may hear it),
 * coordinators of the area. One call to request_page(), which decides what to include as the
 * separate reads did (contact and messages once matched, the address to the requester and
 * coordinators, thanks to the two people, suggestions to coordinators while it is open).
 */
export async function readRequestPage(db: Db, user: SessionUser, id: string) {
	const page = unwrap(await db.rpc('request_page', { p_id: id })) as unknown as RequestPage;
	if (!page?.request) return null;
	const { request, voice } = page;
	const coordinatesArea = hasRole(user, 'coordinator') && page.coordinates_area === true;
	return {
		request,
		voice: voice && !voice.audio_deleted_at ? voice : null,
		canEditTranscript: !!voice && (voice.author_id === user.id || coordinatesArea),
		me: user.id,
		requesterName: page.requester_name,
		helperName: page.helper_name,
		contact: page.contact,
		address: page.address,
		messages: page.messages,
		thanks: page.thanks,
		suggestions: page.suggestions,
		coordinatesArea,
		actions: allowedActions(request, { id: user.id, isVolunteer: hasRole(user, 'volunteer'), coordinatesArea }),
		categories: page.categories
	};
}

/** Who hears about a step: the other side, or the volunteer who was accepted. */
const TOLD: Partial<Record<HelpAction, HelpNotificationKind>> = {
	offer: 'offer_received',
	introduce: 'offer_received',
	accept: 'offer_accepted',
	mark_done: 'done'
};

/** One lifecycle step by this person; the other side is told. */
export async function takeStep(db: Db, user: SessionUser, requestId: string, action: HelpAction, helperId: string | undefined, origin: string): Promise<Refusal | null> {
	try {
		await act(db, requestId, action, helperId);
	} catch (err) {
		if (isRefusedNow(err) || isNotAllowed(err) || isMissing(err)) {
			return { status: isNotAllowed(err) ? 403 : 409, field: '', message: action === 'offer' ? 'help.errors.not_open' : 'help.errors.not_allowed' };
		}
		throw err;
	}
	const kind = TOLD[action];
	const after = kind ? await readRequest(db, requestId) : null;
	if (kind && after) {
		const to =
			kind === 'offer_received' ? after.requester_id
			: kind === 'offer_accepted' ? after.helper_id
			: user.id === after.requester_id ? after.helper_id : after.requester_id;
		await notify(kind, [to], { type: 'help_request', id: requestId }, origin);
	}
	return null;
}


/** A message to the other side, typed or spoken; they are told. */
export async function sendMessage(db: Db, user: SessionUser, requestId: string, body: string, file: File | null, origin: string): Promise<FieldRefusal | null> {
	const voice = await recordingFor(db, file);
	if ('error' in voice) return { status: 400, field: 'voice', message: voice.error };
	try {
		await insertMessage(db, requestId, user.id, body, voice.voice);
	} catch (err) {
		if (isNotAllowed(err) || isUnknownReference(err)) return { status: 403, field: 'body', message: 'errors.not_allowed' };
		throw err;
	}
	const r = await readRequest(db, requestId);
	if (r) await notify('message', [user.id === r.requester_id ? r.helper_id : r.requester_id], { type: 'help_request', id: requestId }, origin);
	return null;
}

/** A thank-you to the other side after the help was done, typed or spoken. */
export async function sendThanks(db: Db, user: SessionUser, requestId: string, body: string, file: File | null): Promise<FieldRefusal | null> {
	const r = await readRequest(db, requestId);
	if (!r) return { status: 403, field: 'body', message: 'errors.not_allowed' };
	const voice = await recordingFor(db, file);
	if ('error' in voice) return { status: 400, field: 'voice', message: voice.error };
	const to = user.id === r.requester_id ? r.helper_id : r.requester_id;
	try {
		await insertThanks(db, requestId, user.id, to ?? '', body, voice.voice);
	} catch (err) {
		if (isNotAllowed(err) || isDuplicate(err) || isBadInput(err)) return { status: 403, field: 'body', message: 'errors.not_allowed' };
		throw err;
	}
	return null;
}

/** A coordinator's written summary of a spoken request, for volunteers who cannot listen. */
export async function writeSummary(db: Db, requestId: string, summary: string): Promise<boolean> {
	const { error } = await db.rpc('set_request_summary', { p_request: requestId, p_summary: summary });
	return !error;
}

/** Volunteers who would see this new request when browsing: the best suggestions. */
async function volunteersNear(requestId: string): Promise<string[]> {
	// admin client: suggest_helpers checks the caller; the server asks as service_role on purpose
	const { data } = await adminClient().rpc('suggest_helpers', { p_request: requestId, p_limit: 20 });
	return (data ?? []).filter((s) => s.kind === 'volunteer' && s.helper_id).map((s) => s.helper_id!);
}

export type AskRefusal = FieldRefusal & { step: AskStep | 'summary' };

/** Asks for help (for oneself, or a coordinator for a resident) and tells volunteers nearby. */
export async function ask(db: Db, user: SessionUser, input: AskInput, origin: string): Promise<{ id: string } | AskRefusal> {
	let id: string | null;
	try {
		id = await askForHelp(db, input.requester_id || user.id, input);
	} catch (err) {
		if (isUnknownReference(err)) return { status: 400, step: 'place', field: 'area_id', message: 'errors.area_missing' };
		if (isBadInput(err)) return { status: 400, step: 'when', field: 'when_date', message: 'help.errors.date_past' };
		if (isNotAllowed(err)) return { status: 403, step: 'summary', field: '', message: 'errors.not_allowed' };
		// the submission id of another request (a form sent before, or a forged one)
		if (isDuplicate(err)) return { status: 409, step: 'summary', field: '', message: 'help.errors.sent_before' };
		throw err;
	}
	// A submission id of someone else's request gives no request back: refused, not /hulp/null.
	if (!id) return { status: 400, step: 'summary', field: '', message: 'errors.form' };
	await notify('new_request_nearby', await volunteersNear(id), { type: 'help_request', id }, origin);
	return { id };
}

/**
 * One screen of "Hulp vragen" further (or back). A recording sent with the description is kept
 * as the author's draft right away, so it survives the next screens; refused: why, at the field.
 */
export async function nextAskScreen(db: Db, user: SessionUser, input: AskForm): Promise<{ step: AskStep | 'summary'; voice_id: string } | AskRefusal> {
	let voiceId = input.voice_id;
	if (input.voice && input.step === 'description' && input.direction === 'next') {
		const saved = await saveVoice(db, user.id, input.voice);
		if (!saved.ok) return { status: 400, step: 'description', field: 'voice', message: saved.error };
		voiceId = saved.id;
	}
	const index = input.step === 'summary' ? ASK_STEPS.length : ASK_STEPS.indexOf(input.step);
	const step = input.direction === 'back' ? ASK_STEPS[Math.max(0, index - 1)] : (ASK_STEPS[index + 1] ?? 'summary');
	return { step, voice_id: voiceId };
}
