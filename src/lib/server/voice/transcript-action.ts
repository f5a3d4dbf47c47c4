// The form action behind <TranscriptForm>: the author (or, where RLS allows, a coordinator)
// writes or corrects what a voice message says. Shared by every page that shows recordings.
import { fail, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '../auth/guard';
import { transcriptSchema } from '$lib/schemas/help';
import { correctTranscript } from './store';

export async function transcriptAction({ request, locals }: Pick<RequestEvent, 'request' | 'locals'>) {
	requireUser(locals);
	const values = Object.fromEntries(await request.formData());
	const transcriptVoice = String(values.voice ?? '');
	const parsed = transcriptSchema.safeParse(values);
	if (!parsed.success) return fail(400, { transcriptError: parsed.error.issues[0].message, transcriptVoice });
	const saved = await correctTranscript(locals.db, parsed.data.voice, parsed.data.transcript).catch(() => false);
	if (!saved) return fail(403, { transcriptError: 'errors.not_allowed', transcriptVoice });
	return { done: 'voice.transcriptSaved' as const };
}
