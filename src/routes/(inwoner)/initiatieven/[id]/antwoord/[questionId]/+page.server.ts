import { error, redirect } from '@sveltejs/kit';
import { superValidate, fail } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { replySchema } from '$lib/schemas/initiatives';
import { readQuestion, replyToQuestion } from '$lib/server/initiatives/followup';
import { uploadedFile } from '$lib/server/voice/store';
import { refuse } from '$lib/server/forms';

// The founder answers the officer's question, typed or spoken; the clock runs again.
async function question(locals: App.Locals, params: { id: string; questionId: string }) {
	requireUser(locals);
	const found = isUuid(params.questionId) ? await readQuestion(locals.db, params.questionId) : null;
	if (!found || found.initiative_id !== params.id) error(404, 'initiatives.errors.not_found');
	return found;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	return { question: await question(locals, params), form: await superValidate(zod4(replySchema)) };
};

export const actions: Actions = {
	default: async ({ request, locals, params, url }) => {
		const found = await question(locals, params);
		const formData = await request.formData();
		const voice = uploadedFile(formData.get('voice'));
		formData.delete('voice');
		const form = await superValidate(formData, zod4(replySchema));
		if (!form.valid) return fail(400, { form });
		const refused = await replyToQuestion(locals.db, params.questionId, form.data.reply, voice, url.origin);
		if (refused) return refuse(form, refused);
		redirect(303, `/initiatieven/${params.id}?beantwoord#vraag-${found.ask_id}`);
	}
};
