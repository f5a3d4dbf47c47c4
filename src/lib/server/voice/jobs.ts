// Voice work that runs as jobs: delete audio some days after its request is closed, remove drafts
// nobody sent, and (when TRANSCRIBE_URL is set) write down what was said.
import { adminClient } from '../db/clients';

export const DEFAULT_RETENTION_DAYS = 90;
const DRAFT_HOURS = 24;

/**
 * Deletes the audio (never the request or its written summary) of requests closed longer than
 * VOICE_RETENTION_DAYS ago, and drafts older than a day. Returns how many recordings went.
 */
export async function deleteExpiredAudio(now = new Date()): Promise<number> {
	const db = adminClient(); // acts for nobody: the retention rule, not a person
	const days = Number(process.env.VOICE_RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS);
	const closedBefore = new Date(now.getTime() - days * 86_400_000).toISOString();
	const { data: closed } = await db
		.from('help_requests')
		.select('id, effective_status, status_changed_at')
		.in('status', ['done', 'done_pending', 'cancelled', 'expired', 'open', 'offered'])
		.lt('status_changed_at', closedBefore);
	const closedIds = (closed ?? [])
		.filter((r) => ['done', 'cancelled', 'expired'].includes(r.effective_status ?? ''))
		.map((r) => r.id);
	const draftsBefore = new Date(now.getTime() - DRAFT_HOURS * 3_600_000).toISOString();
	const { data: voices } = await db
		.from('voice_messages')
		.select('id')
		.is('audio_deleted_at', null)
		.or(`request_id.in.(${closedIds.join(',') || '00000000-0000-0000-0000-000000000000'}),and(request_id.is.null,created_at.lt.${draftsBefore})`);
	const ids = (voices ?? []).map((v) => v.id);
	if (ids.length === 0) return 0;
	await db.from('voice_audio').delete().in('voice_id', ids);
	await db.from('voice_messages').update({ audio_deleted_at: now.toISOString() }).in('id', ids);
	return ids.length;
}

/**
 * Sends new recordings to an OpenAI-compatible /v1/audio/transcriptions server (whisper.cpp's
 * server speaks it) and stores the text as an automatic transcript.
 */
export async function transcribeNewAudio(transcribeUrl: string | undefined = process.env.TRANSCRIBE_URL): Promise<number> {
	if (!transcribeUrl) return 0;
	const db = adminClient(); // a job, not a person
	const { data: pending } = await db
		.from('voice_messages')
		.select('id, mime_type')
		.is('transcript', null)
		.is('audio_deleted_at', null)
		.limit(20);
	let done = 0;
	for (const voice of pending ?? []) {
		const { data: audio } = await db.from('voice_audio').select('bytes').eq('voice_id', voice.id).maybeSingle();
		if (!audio) continue;
		const bytes = Buffer.from(audio.bytes.replace(/^\\x/, ''), 'hex');
		const form = new FormData();
		form.append('file', new Blob([bytes], { type: voice.mime_type }), `voice.${voice.mime_type.split('/')[1]}`);
		form.append('model', process.env.TRANSCRIBE_MODEL ?? 'whisper-1');
		form.append('language', 'nl');
		form.append('response_format', 'json');
		const res = await fetch(new URL('/v1/audio/transcriptions', transcribeUrl), {
			method: 'POST',
			body: form,
			headers: process.env.TRANSCRIBE_API_KEY ? { authorization: `Bearer ${process.env.TRANSCRIBE_API_KEY}` } : {}
		});
		if (!res.ok) continue;
		const { text } = (await res.json()) as { text?: string };
		if (typeof text !== 'string') continue;
		await db.from('voice_messages').update({ transcript: text.trim().slice(0, 5000), transcript_source: 'automatic' }).eq('id', voice.id);
		done++;
	}
	return done;
}
