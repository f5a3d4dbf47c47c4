// Messages between the matched people, and thanks afterwards.
import { unwrap, type Db } from '../db/clients';
import { insertWithVoice, type PreparedVoice } from '../voice/store';

export async function listMessages(db: Db, requestId: string) {
	return unwrap(await db.from('help_messages').select('id, sender_id, body, voice_id, created_at, voice_messages(transcript, transcript_source)').eq('request_id', requestId).order('created_at'));
}

/** The message and its recording together, or neither (a refused message leaves no recording). */
export async function insertMessage(db: Db, requestId: string, senderId: string, body: string, voice: PreparedVoice | string | null = null) {
	await insertWithVoice(db, 'help_message', { request_id: requestId, sender_id: senderId, body }, voice);
}

export async function listThanksFor(db: Db, requestId: string) {
	return unwrap(await db.from('thanks').select('id, from_id, to_id, body, voice_id, created_at, voice_messages(transcript, transcript_source)').eq('request_id', requestId));
}

export async function insertThanks(db: Db, requestId: string, fromId: string, toId: string, body: string, voice: PreparedVoice | string | null = null) {
	await insertWithVoice(db, 'thanks', { request_id: requestId, from_id: fromId, to_id: toId, body }, voice);
}

export async function listThanksReceived(db: Db, userId: string) {
	return unwrap(
		await db.from('thanks').select('id, from_id, body, voice_id, created_at, help_requests(category_id), voice_messages(transcript, transcript_source)').eq('to_id', userId).order('created_at', { ascending: false })
	);
}
