import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { requireCoordinator } from '$lib/server/auth/guard';
import { refuse } from '$lib/server/forms';
import { listCategories } from '$lib/server/help/requests';
import { messageVolunteers, myAreas } from '$lib/server/coordination/messages';
import { volunteerMessageSchema } from '$lib/schemas/coordination';

const messageForm = zod4(volunteerMessageSchema);

export const load: PageServerLoad = async ({ locals }) => {
	requireCoordinator(locals);
	const [areas, categories, form] = await Promise.all([myAreas(locals.db), listCategories(locals.db), superValidate(messageForm)]);
	return { areas, categories, form };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		requireCoordinator(locals);
		const form = await superValidate(request, messageForm);
		if (!form.valid) return fail(400, { form });
		const sent = await messageVolunteers(locals.db, form.data, url.origin);
		if ('status' in sent) return refuse(form, sent);
		form.data.body = '';
		return message(form, { sent: sent.sent });
	}
};
