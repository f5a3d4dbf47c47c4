// What happens after an ask is sent, besides the answer: the officer's question that stops the
// clock and the founder's reply (text or voice), a reconsideration once per answer for the team
// lead, the conditions of a "ja, mits" ticked off, and neighbours who support a published
// initiative or raise a concern. The database decides who may do what and moves the deadline;
// this module turns its refusals into the message next to the field, and tells the people involved.
import { unwrap, unwrapMaybe, type Db } from '../db/clients';
import { isBadInput, isDuplicate, isNotAllowed } from '../db/errors';
import { notify } from '../notifications';
import { recordingFor, insertWithVoice } from '../voice/store';
import type { FieldRefusal } from '$lib/schemas/fields';
import type { InitiativeNotificationKind } from './register';

const refusal = (field: string, message: string, status: FieldRefusal['status'] = 400): FieldRefusal => ({ field, message, status });
const tell = (kind: InitiativeNotificationKind, ids: (string | null)[], subject: { type: string; id: string }, origin: string) =>
	notify(kind, ids, subject, origin);

/** The founder and co-founders of the initiative an ask belongs to (as the reader may see them). */
async function foundersOfAsk(db: Db, askId: string): Promise<string[]> {
	const ask = unwrapMaybe(await db.from('initiative_asks').select('initiative_id, initiatives(founder_id)').eq('id', askId).maybeSingle());
	if (!ask) return [];
	const cofounders = unwrap(await db.from('initiative_cofounders').select('profile_id').eq('initiative_id', ask.initiative_id));
	return [ask.initiatives?.founder_id ?? null, ...cofounders.map((c) => c.profile_id)].filter((id): id is string => !!id);
}

/** An officer asks the founders something about an ask. Until they reply, the clock stands still. */
export async function askFounder(db: Db, askId: string, question: string, origin: string): Promise<FieldRefusal | null> {
	const { error } = await db.from('initiative_ask_questions').insert({ ask_id: askId, question });
	if (error && isDuplicate(error)) return refusal('question', 'initiatives.errors.question_open', 409);
	if (error && isNotAllowed(error)) return refusal('question', 'initiatives.errors.not_your_municipality', 403);
	if (error && isBadInput(error)) return refusal('question', 'initiatives.errors.question_missing');
	if (error) throw error;
	await tell('ask_question', await foundersOfAsk(db, askId), { type: 'initiative_ask', id: askId }, origin);
	return null;
}

/** A founder replies to an officer's question, typed or spoken. The deadline moves by the days it was open. */
export async function replyToQuestion(db: Db, questionId: string, reply: string, voice: File | null, origin: string): Promise<FieldRefusal | null> {
	const recording = await recordingFor(db, voice);
	if ('error' in recording) return refusal('reply', recording.error);
	if (!reply && !recording.voice) return refusal('reply', 'voice.errors.message_text_or_voice');
	const question = unwrapMaybe(await db.from('initiative_ask_questions').select('ask_id, officer_id, answered_on').eq('id', questionId).maybeSingle());
	if (!question) return refusal('reply', 'initiatives.errors.not_found', 404);
	if (question.answered_on) return refusal('reply', 'initiatives.errors.replied_already', 409);
	try {
		await insertWithVoice(db, 'initiative_reply', { question_id: questionId, reply: reply || null }, recording.voice);
	} catch (error) {
		if (isDuplicate(error)) return refusal('reply', 'initiatives.errors.replied_already', 409);
		if (isNotAllowed(error)) return refusal('reply', 'initiatives.errors.not_yours', 403);
		throw error;
	}
	await tell('question_replied', [question.officer_id], { type: 'initiative_ask', id: question.ask_id }, origin);
	return null;
}

/** A founder asks the team lead to look again at an answer: once per answer, with a reason. */
export async function askReconsideration(db: Db, answerId: string, reason: string, voice: File | null, origin: string): Promise<FieldRefusal | null> {
	const recording = await recordingFor(db, voice);
	if ('error' in recording) return refusal('reason', recording.error);
	if (!reason && !recording.voice) return refusal('reason', 'voice.errors.message_text_or_voice');
	const answer = unwrapMaybe(await db.from('initiative_answers').select('ask_id').eq('id', answerId).maybeSingle());
	if (!answer) return refusal('reason', 'initiatives.errors.not_found', 404);
	try {
		await insertWithVoice(db, 'initiative_reconsideration', { answer_id: answerId, reason: reason || null }, recording.voice);
	} catch (error) {
		if (isDuplicate(error)) return refusal('reason', 'initiatives.errors.reconsider_once', 409);
		if (isBadInput(error)) return refusal('reason', 'initiatives.errors.reconsider_not_this');
		if (isNotAllowed(error)) return refusal('reason', 'initiatives.errors.not_yours', 403);
		throw error;
	}
	const leads = unwrap(await db.rpc('team_leads_of_ask', { p_ask: answer.ask_id })) as unknown as string[];
	await tell('reconsideration_asked', leads, { type: 'initiative_ask', id: answer.ask_id }, origin);
	return null;
}

/** The team lead answers a reconsideration. */
export async function respondToReconsideration(db: Db, id: string, response: string, origin: string): Promise<FieldRefusal | null> {
	const { data: askId, error } = await db.rpc('respond_to_reconsideration', { p_id: id, p_response: response });
	if (error && isNotAllowed(error)) return refusal('response', 'initiatives.errors.only_team_lead', 403);
	if (error && isDuplicate(error)) return refusal('response', 'initiatives.errors.answered_already', 409);
	if (error && isBadInput(error)) return refusal('response', 'initiatives.errors.response_missing');
	if (error) throw error;
	await tell('reconsideration_answered', await foundersOfAsk(db, askId), { type: 'initiative_ask', id: askId }, origin);
	return null;
}

/** A founder ticks off one condition of a "ja, mits" (or puts it back on the list). */
export async function tickCondition(db: Db, answerId: string, position: number, done: boolean): Promise<FieldRefusal | null> {
	const { error } = done
		? await db.from('initiative_condition_ticks').upsert({ answer_id: answerId, position }, { onConflict: 'answer_id,position', ignoreDuplicates: true })
		: await db.from('initiative_condition_ticks').delete().eq('answer_id', answerId).eq('position', position);
	if (error && (isNotAllowed(error) || isBadInput(error))) return refusal('', 'initiatives.errors.not_yours', 403);
	if (error) throw error;
	return null;
}

/** A neighbour says "ik steun dit" or "ik doe mee" (or takes it back). */
export async function setSupport(db: Db, userId: string, initiativeId: string, kind: 'support' | 'join', on: boolean): Promise<FieldRefusal | null> {
	const { error } = on
		? await db.from('initiative_supports').upsert({ initiative_id: initiativeId, kind }, { onConflict: 'initiative_id,profile_id,kind', ignoreDuplicates: true })
		: await db.from('initiative_supports').delete().eq('initiative_id', initiativeId).eq('profile_id', userId).eq('kind', kind);
	if (error && isNotAllowed(error)) return refusal('', 'initiatives.errors.not_public', 403);
	if (error) throw error;
	return null;
}

/** A neighbour raises a concern: the founders and officers read it, with the neighbour's name. */
export async function raiseConcern(db: Db, initiativeId: string, concern: string, origin: string): Promise<FieldRefusal | null> {
	const { error } = await db.from('initiative_concerns').insert({ initiative_id: initiativeId, concern });
	if (error && isNotAllowed(error)) return refusal('concern', 'initiatives.errors.not_public', 403);
	if (error && isBadInput(error)) return refusal('concern', 'initiatives.errors.concern_missing');
	if (error) throw error;
	const initiative = unwrapMaybe(await db.from('initiatives').select('founder_id').eq('id', initiativeId).maybeSingle());
	await tell('concern_raised', [initiative?.founder_id ?? null], { type: 'initiative', id: initiativeId }, origin);
	return null;
}

/**
 * What follows the answers of an initiative's asks, as the reader may see it (RLS): questions
 * with their replies, reconsiderations, ticked conditions, support counts, and concerns (only
 * for founders and officers, with names).
 */
export async function readFollowUp(db: Db, initiativeId: string, askIds: string[], answerIds: string[], userId: string | null) {
	const counts = unwrap(await db.rpc('initiative_support_counts', { p_initiative: initiativeId }))[0] ?? { supporters: 0, joiners: 0 };
	if (!userId || askIds.length === 0) return { questions: [], reconsiderations: [], ticks: [], counts, mySupport: [], concerns: [] };
	const [questions, reconsiderations, ticks, mySupport, concerns] = await Promise.all([
		db
			.from('initiative_ask_questions')
			.select('id, ask_id, question, asked_on, answered_on, paused_days, initiative_question_replies(reply, voice_id, created_at)')
			.in('ask_id', askIds)
			.order('created_at')
			.then(unwrap),
		db.from('initiative_reconsiderations').select('id, answer_id, ask_id, reason, voice_id, sent_on, due_on, response, responded_at').in('ask_id', askIds).then(unwrap),
		answerIds.length ? db.from('initiative_condition_ticks').select('answer_id, position').in('answer_id', answerIds).then(unwrap) : Promise.resolve([]),
		db.from('initiative_supports').select('kind').eq('initiative_id', initiativeId).eq('profile_id', userId).then(unwrap),
		db.rpc('initiative_concerns_with_names', { p_initiative: initiativeId }).then(unwrap)
	]);
	return { questions, reconsiderations, ticks, counts, mySupport: mySupport.map((s) => s.kind), concerns };
}

type AskContext = { kind: string; initiative_id: string; initiatives: { name: string } | null } | null;
const flatten = <T extends { initiative_asks: AskContext }>({ initiative_asks: ask, ...rest }: T) => ({
	...rest,
	kind: ask?.kind ?? 'contact',
	initiative_id: ask?.initiative_id ?? '',
	initiative_name: ask?.initiatives?.name ?? ''
});

/** An officer's question with its ask and initiative, as the reader may see it; null when not. */
export async function readQuestion(db: Db, id: string) {
	const row = unwrapMaybe(
		await db.from('initiative_ask_questions').select('id, ask_id, question, asked_on, answered_on, initiative_asks(kind, initiative_id, initiatives(name))').eq('id', id).maybeSingle()
	);
	return row ? flatten(row as typeof row & { initiative_asks: AskContext }) : null;
}

/** An answer with its ask and initiative, for the reconsideration form; null when not readable. */
export async function readAnswer(db: Db, id: string) {
	const row = unwrapMaybe(
		await db
			.from('initiative_answers')
			.select('id, ask_id, decision, conditions, explanation, alternative, initiative_asks(kind, initiative_id, initiatives(name))')
			.eq('id', id)
			.maybeSingle()
	);
	return row ? flatten(row as typeof row & { initiative_asks: AskContext }) : null;
}

/** The name of a published initiative (or one the reader may read), for the concern form. */
export async function readPublicName(db: Db, id: string) {
	return unwrapMaybe(await db.from('initiatives').select('id, name').eq('id', id).eq('published', true).eq('status', 'sent').maybeSingle());
}
