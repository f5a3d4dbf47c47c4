// The municipality's side: the officer's inbox (late first, then by deadline), one ask with its
// initiative and history, the answer, and the public figures. The database decides who may
// answer (an officer of the initiative's municipality) and refuses a no without its three parts.
import { unwrap, unwrapMaybe, type Db } from '../db/clients';
import { isBadInput, isNotAllowed } from '../db/errors';
import { notify } from '../notifications';
import { conditionsFromText, REFUSAL_REASONS, type AnswerInput, type AskKind } from '$lib/schemas/initiatives';
import type { InitiativeNotificationKind } from './register';

type InboxAsk = {
	id: string;
	initiative_id: string;
	initiative_name: string;
	kind: AskKind;
	sent_on: string;
	due_on: string;
	state: 'open' | 'late' | 'waiting';
	area_name: string | null;
};
type Inbox = {
	asks: InboxAsk[];
	/** The areas of the officer's municipalities, to filter by. */
	areas: { id: string; name: string }[];
	reconsiderations: { id: string; ask_id: string; sent_on: string; due_on: string }[];
};
export type InboxFilter = { kind?: AskKind; area?: string; state?: InboxAsk['state'] };

/**
 * Asks without an answer in the officer's municipality: late first, then the nearest deadline,
 * then those waiting for the founder's reply (their clock stands still); by kind, area and state
 * when asked. Beside them, the open reconsiderations of the teams this officer leads, nearest
 * deadline first. One call to officer_inbox() (`npm run bench -- initiatives` measures it at
 * 100,000 asks).
 */
export async function listInbox(db: Db, filter: InboxFilter = {}): Promise<Inbox> {
	const args = { p_kind: filter.kind, p_area: filter.area, p_state: filter.state };
	return unwrap(await db.rpc('officer_inbox', args)) as unknown as Inbox;
}

/** One ask as an officer sees it, with its initiative and every answer so far; null when not theirs. */
export async function readAskForOfficer(db: Db, askId: string) {
	const ask = unwrapMaybe(await db.from('initiative_ask_states').select('*').eq('id', askId).not('sent_on', 'is', null).maybeSingle());
	if (!ask) return null;
	const [initiative, answers, questions, reconsiderations, isTeamLead, settings] = await Promise.all([
		db.from('initiatives').select('id, name, description, voice_id, place, place_voice_id, when_text, when_voice_id, areas(name)').eq('id', ask.initiative_id!).single().then(unwrap),
		db.from('initiative_answers').select('*').eq('ask_id', askId).order('created_at').then(unwrap),
		db
			.from('initiative_ask_questions')
			.select('id, question, asked_on, answered_on, paused_days, initiative_question_replies(reply, voice_id)')
			.eq('ask_id', askId)
			.order('created_at')
			.then(unwrap),
		db.from('initiative_reconsiderations').select('id, answer_id, reason, voice_id, sent_on, due_on, response, responded_at').eq('ask_id', askId).order('created_at').then(unwrap),
		db.rpc('is_team_lead_for_ask', { p_ask: askId }).then(unwrap),
		// The kind's refusal reasons and "ja, mits" templates (none set: every reason, no templates).
		db.from('initiative_ask_settings').select('refusal_reasons, condition_templates').eq('municipality_id', ask.municipality_id!).eq('kind', ask.kind!).maybeSingle().then(unwrapMaybe)
	]);
	const current = answers.at(-1);
	const ticks = current ? unwrap(await db.from('initiative_condition_ticks').select('position').eq('answer_id', current.id)).map((t) => t.position) : [];
	const reasons = settings?.refusal_reasons ?? [...REFUSAL_REASONS];
	return { ask, initiative, answers, questions, reconsiderations, isTeamLead: isTeamLead === true, ticks, reasons, templates: settings?.condition_templates ?? [] };
}

export type AnswerResult = { ok: true } | { ok: false; field: string; error: string; status: 400 | 403 };

/** Answers an ask (or gives a new answer that replaces the last, with a reason) and tells the founders. */
export async function answerAsk(db: Db, askId: string, input: Omit<AnswerInput, 'templates' | 'plain_ok'> & { templates?: string[] }, origin: string): Promise<AnswerResult> {
	const previous = unwrapMaybe(
		await db.from('initiative_answers').select('id').eq('ask_id', askId).order('created_at', { ascending: false }).limit(1).maybeSingle()
	);
	if (previous && !input.change_reason) return { ok: false, field: 'change_reason', error: 'initiatives.errors.change_reason_missing', status: 400 };
	const no = input.decision === 'no_because';
	const { error } = await db.from('initiative_answers').insert({
		ask_id: askId,
		decision: input.decision,
		info: input.info || null,
		conditions: input.decision === 'yes_if' ? [...(input.templates ?? []).filter(Boolean), ...conditionsFromText(input.conditions)] : [],
		reason: no ? input.reason || null : null,
		explanation: no ? input.explanation : null,
		alternative: no ? input.alternative : null,
		supersedes: previous?.id ?? null,
		change_reason: previous ? input.change_reason : null
	});
	if (error && isNotAllowed(error)) return { ok: false, field: 'decision', error: 'initiatives.errors.not_your_municipality', status: 403 };
	if (error && isBadInput(error) && error.message.includes('not on the list')) return { ok: false, field: 'reason', error: 'initiatives.errors.reason_not_listed', status: 400 };
	if (error && isBadInput(error)) return { ok: false, field: 'alternative', error: 'initiatives.errors.no_needs_three', status: 400 };
	if (error) throw error;
	const initiativeId = unwrap(await db.from('initiative_asks').select('initiative_id').eq('id', askId).single()).initiative_id;
	const [initiative, cofounders] = await Promise.all([
		db.from('initiatives').select('founder_id').eq('id', initiativeId).single().then(unwrap),
		db.from('initiative_cofounders').select('profile_id').eq('initiative_id', initiativeId).then(unwrap)
	]);
	const kind: InitiativeNotificationKind = 'ask_answered';
	await notify(kind, [initiative.founder_id, ...cofounders.map((c) => c.profile_id)], { type: 'initiative_ask', id: askId }, origin);
	return { ok: true };
}

/** The public figures: per municipality (kind empty) and per kind. */
export async function readFigures(db: Db) {
	return unwrap(await db.rpc('initiative_figures'));
}

/** A quarter as "2026-4": its first day and the first day after it. */
function quarterRange(quarter: string): { from: string; to: string } {
	const [year, q] = quarter.split('-').map(Number);
	const month = (q - 1) * 3;
	const iso = (y: number, m: number) => `${y + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
	return { from: iso(year, month), to: iso(year, month + 3) };
}

/** The last twelve quarters, newest first, as "2026-4". */
export function recentQuarters(today = new Date()): string[] {
	const start = today.getUTCFullYear() * 4 + Math.floor(today.getUTCMonth() / 3);
	return Array.from({ length: 12 }, (_, i) => `${Math.floor((start - i) / 4)}-${((start - i) % 4) + 1}`);
}

/**
 * The public accountability page: the figures per municipality and kind (all time), and per team
 * and kind for one quarter (the newest unless asked): yes, yes with conditions, no, yes by
 * silence, late, on time, median working days, reconsiderations.
 */
export async function readAccountability(db: Db, wanted: string | null) {
	const quarters = recentQuarters();
	const quarter = wanted && quarters.includes(wanted) ? wanted : quarters[0];
	const { from, to } = quarterRange(quarter);
	const [figures, teams] = await Promise.all([readFigures(db), db.rpc('initiative_accountability', { p_from: from, p_to: to }).then(unwrap)]);
	return { figures, teams, quarter, quarters };
}
