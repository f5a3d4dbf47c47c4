import { error } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { refuse } from '$lib/server/forms';
import { acknowledgeSignalForm, readSignal } from '$lib/server/signals';
import { signalNoteSchema } from '$lib/schemas/signals';

const noteForm = zod4(signalNoteSchema);

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const signal = isUuid(params.id) ? await readSignal(locals.db, user.id, params.id) : null;
	if (!signal) error(404, 'errors.not_found');
	return { signal, form: await superValidate(noteForm), justSent: url.searchParams.has('verstuurd') };
};

export const actions: Actions = {
	default: async ({ request, locals, params, url }) => {
		requireUser(locals);
		const form = await superValidate(request, noteForm);
		if (!form.valid) return fail(400, { form });
		if (!isUuid(params.id)) return refuse(form, { status: 404, field: 'note', message: 'errors.not_found' });
		const refused = await acknowledgeSignalForm(locals.db, params.id, form.data.note, url.origin);
		if (refused) return refuse(form, refused);
		form.data.note = '';
		return message(form, 'signals.noteSaved');
	}
};
