import { fail } from '@sveltejs/kit';
import { superValidate, message, setError } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { requireCoordinator } from '$lib/server/auth/guard';
import { confirmServiceSchema } from '$lib/schemas/social-map';
import { confirmService, listEditorQueue } from '$lib/server/social-map/editors';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireCoordinator(locals);
	const form = await superValidate(zod4(confirmServiceSchema), { errors: false });
	return { queue: await listEditorQueue(locals.db, user.id), form };
};

export const actions: Actions = {
	/** "Dit klopt nog": the entry is checked today by this coordinator. */
	confirm: async ({ request, locals }) => {
		requireCoordinator(locals);
		const form = await superValidate(request, zod4(confirmServiceSchema));
		if (!form.valid) return fail(400, { form });
		const result = await confirmService(locals.db, form.data.service_id);
		if (!result.ok) return setError(form, 'service_id', 'errors.not_allowed', { status: result.status });
		return message(form, 'socialMap.editor.confirmed');
	}
};
