import { randomUUID } from 'node:crypto';
import { error } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { refuse } from '$lib/server/forms';
import { askNeighboursForHelp, readHelpNeeds } from '$lib/server/initiatives/help-needs';
import { helpNeedSchema } from '$lib/schemas/initiatives';
import { uploadedFile } from '$lib/server/voice/store';

// A founder asks neighbours for help with the plan, typed or spoken: it becomes a help request in
// the marketplace (the database makes it), and the requests made so far are listed here.
async function readPage(locals: App.Locals, id: string) {
	const user = requireUser(locals);
	const found = isUuid(id) ? await readHelpNeeds(locals.db, id, user.id) : null;
	if (!found) error(404, 'initiatives.errors.not_found');
	return found;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const page = await readPage(locals, params.id);
	// Helpers come to the plan's place unless the founder writes another.
	const form = await superValidate({ submission_id: randomUUID(), address: page.initiative.place ?? '' }, zod4(helpNeedSchema), { errors: false });
	return { ...page, form };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const page = await readPage(locals, params.id);
		const formData = await request.formData();
		const voice = uploadedFile(formData.get('voice'));
		formData.delete('voice');
		const form = await superValidate(formData, zod4(helpNeedSchema));
		if (!form.valid) return fail(400, { form });
		const made = await askNeighboursForHelp(locals.db, params.id, form.data, voice);
		if ('field' in made) return refuse(form, made);
		// an empty form for the next need
		form.data = { submission_id: randomUUID(), category_id: '', description: '', when_date: '', address: page.initiative.place ?? '' };
		return message(form, 'initiatives.help.sent');
	}
};
