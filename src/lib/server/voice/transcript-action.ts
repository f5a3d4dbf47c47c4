// The form action behind <TranscriptForm>: the author (or, where RLS allows, a coordinator)
// writes or corrects what a voice message says. Shared by every page that shows recordings;
// each recording's form has its own superforms id (transcript-<voice id>).
import type { RequestEvent } from '@sveltejs/kit';
import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { requireUser } from '../auth/guard';
import { transcriptSchema } from '$lib/schemas/help';
import { correctTranscript } from './store';

const transcriptForm = zod4(transcriptSchema);

export async function transcriptAction({ request, locals }: Pick<RequestEvent, 'request' | 'locals'>) {
	requireUser(locals);
	const form = await superValidate(request, transcriptForm);
	if (!form.valid) return fail(400, { form });
	const saved = await correctTranscript(locals.db, form.data.voice, form.data.transcript).catch(() => false);
	if (!saved) return setError(form, 'transcript', 'errors.not_allowed', { status: 403 });
	return message(form, 'voice.transcriptSaved');
}
