import { error, redirect } from '@sveltejs/kit';
import { superValidate, fail } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { reconsiderSchema } from '$lib/schemas/initiatives';
import { askReconsideration, readAnswer } from '$lib/server/initiatives/followup';
import { uploadedFile } from '$lib/server/voice/store';
import { refuse } from '$lib/server/forms';

// The founder asks the team lead to look again at one answer: once, with a reason (text or voice).
async function answer(locals: App.Locals, params: { id: string; answerId: string }) {
	requireUser(locals);
	const found = isUuid(params.answerId) ? await readAnswer(locals.db, params.answerId) : null;
	if (!found || found.initiative_id !== params.id) error(404, 'initiatives.errors.not_found');
	return found;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	return { answer: await answer(locals, params), form: await superValidate(zod4(reconsiderSchema)) };
};

export const actions: Actions = {
	default: async ({ request, locals, params, url }) => {
		const found = await answer(locals, params);
		const formData = await request.formData();
		const voice = uploadedFile(formData.get('voice'));
		formData.delete('voice');
		const form = await superValidate(formData, zod4(reconsiderSchema));
		if (!form.valid) return fail(400, { form });
		const refused = await askReconsideration(locals.db, params.answerId, form.data.reason, voice, url.origin);
		if (refused) return refuse(form, refused);
		redirect(303, `/initiatieven/${params.id}?heroverweging#vraag-${found.ask_id}`);
	}
};
