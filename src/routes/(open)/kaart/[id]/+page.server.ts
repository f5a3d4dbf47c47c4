import { error } from '@sveltejs/kit';
import { superValidate, fail, message, setError } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { outdatedSchema } from '$lib/schemas/social-map';
import { listTopics, readService, reportOutdated } from '$lib/server/social-map';
import { canPropose } from '$lib/server/social-map/proposals';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ locals, params }) => {
	const service = UUID.test(params.id) ? await readService(locals.db, params.id) : null;
	if (!service) error(404, 'socialMap.errors.not_found');
	const form = await superValidate({ note: '' }, zod4(outdatedSchema), { errors: false });
	const mayPropose = locals.user ? await canPropose(locals.db, service.id) : false;
	return { service, topics: await listTopics(locals.db), form, mayPropose };
};

export const actions: Actions = {
	/** "Klopt dit niet meer?": anyone, signed in or not. */
	outdated: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(outdatedSchema));
		if (!form.valid) return fail(400, { form });
		if (!UUID.test(params.id)) error(404, 'socialMap.errors.not_found');
		const result = await reportOutdated(locals.db, params.id, form.data.note);
		if (!result.ok) return setError(form, 'note', 'socialMap.errors.not_found', { status: 404 });
		return message(form, 'socialMap.outdated.thanks');
	}
};
