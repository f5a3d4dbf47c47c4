// Voice work that runs as jobs: delete audio some days after its request or offer is closed, remove drafts
// nobody sent, and (when TRANSCRIBE_URL is set) write down what was said.
import { adminClient } from '../db/clients';

export const DEFAULT_RETENTION_DAYS = 90;
const MAX_TRANSCRIPT_ATTEMPTS = 3;

/**
 * Deletes the audio (never the item or its written summary) of requests and offers closed longer
 * than VOICE_RETENTION_DAYS ago, and drafts older than a day. Returns how many recordings went.
 * The rule itself is in SQL (delete_expired_audio), so it stays one statement however much there is.
 */
export async function deleteExpiredAudio(now = new Date()): Promise<number> {
	const days = Number(process.env.VOICE_RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS);
	// admin client: the retention rule acts for nobody
	const { data, error } = await adminClient().rpc('delete_expired_audio', { p_days: days, p_now: now.toISOString() });
	if (error) throw new Error(error.message);
	return data ?? 0;
}

/** A claim older than this was left by a run that died halfway: the recording may be taken again. */
const staleClaim = () => new Date(Date.now() - 5 * 60_000).toISOString();

/**
 * Sends new recordings to an OpenAI-compatible /v1/audio/transcriptions server (whisper.cpp's
 * server speaks it) and stores the text as an automatic transcript.
 */
export async function transcribeNewAudio(transcribeUrl: string | undefined = process.env.TRANSCRIBE_URL): Promise<number> {
	if (!transcribeUrl) return 0;
	const db = adminClient(); // a job, not a person
	const { data: pending } = await db
		.from('voice_messages')
		.select('id, mime_type, transcript_attempts')
		.is('transcript', null)
		.is('audio_deleted_at', null)
		.lt('transcript_attempts', MAX_TRANSCRIPT_ATTEMPTS)
		.or(`transcript_claimed_at.is.null,transcript_claimed_at.lt."${staleClaim()}"`)
		.order('created_at')
		.limit(20);
	let done = 0;
	for (const voice of pending ?? []) {
		// Claim the recording first (an attempt counts from here): a run on another instance at the
		// same moment finds it taken and leaves it, so it is sent to the server once.
		const { data: claimed } = await db.rpc('claim_voice_transcription', { p_voice: voice.id, p_attempts: voice.transcript_attempts });
		if (!claimed) continue;
		const { data: audio } = await db.from('voice_audio').select('bytes').eq('voice_id', voice.id).maybeSingle();
		const text = audio ? await askForTranscript(transcribeUrl, Buffer.from(audio.bytes.replace(/^\\x/, ''), 'hex'), voice.mime_type) : null;
		if (text === null) {
			// Free for the next run (the attempt was counted when it was claimed).
			await db.rpc('release_voice_transcription', { p_voice: voice.id });
			continue;
		}
		await db.from('voice_messages').update({ transcript: text.trim().slice(0, 5000), transcript_source: 'automatic' }).eq('id', voice.id);
		done++;
	}
	return done;
}

/**
 * What was said in a recording that is not kept (a spoken search): its text, or null when no
 * speech-to-text server is configured, it is down, or it says no.
 */
export async function transcribeNow(bytes: Uint8Array, mimeType: string, transcribeUrl: string | undefined = process.env.TRANSCRIBE_URL): Promise<string | null> {
	if (!transcribeUrl) return null;
	const text = await askForTranscript(transcribeUrl, Buffer.from(bytes), mimeType);
	return text === null ? null : text.trim().slice(0, 200);
}

/** One recording to the server; its text, or null when the server is down or says no. */
async function askForTranscript(transcribeUrl: string, bytes: Buffer, mimeType: string): Promise<string | null> {
	const form = new FormData();
	form.append('file', new Blob([new Uint8Array(bytes)], { type: mimeType }), `voice.${mimeType.split('/')[1]}`);
	form.append('model', process.env.TRANSCRIBE_MODEL ?? 'whisper-1');
	form.append('language', 'nl');
	form.append('response_format', 'json');
	try {
		const res = await fetch(new URL('/v1/audio/transcriptions', transcribeUrl), {
			method: 'POST',
			body: form,
			signal: AbortSignal.timeout(120_000), // a hanging server must not hold the job
			headers: process.env.TRANSCRIBE_API_KEY ? { authorization: `Bearer ${process.env.TRANSCRIBE_API_KEY}` } : {}
		});
		if (!res.ok) return null;
		const { text } = (await res.json()) as { text?: unknown };
		return typeof text === 'string' ? text : null;
	} catch {
		return null;
	}
}
