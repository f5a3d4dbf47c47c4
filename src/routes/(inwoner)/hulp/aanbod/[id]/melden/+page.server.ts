import { error } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { readOffer } from '$lib/server/help/volunteers';
import { reportOffer } from '$lib/server/help/safety';
import { reportSchema } from '$lib/schemas/help';

const reportForm = zod4(reportSchema);

export const load: PageServerLoad = async ({ locals, params }) => {
	requireUser(locals);
	// RLS: visible offers, or their own, or in a coordinator's areas.
	const offer = isUuid(params.id) ? await readOffer(locals.db, params.id) : null;
	if (!offer) error(404, 'errors.not_found');
	return { form: await superValidate(reportForm) };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const user = requireUser(locals);
		const form = await superValidate(request, reportForm);
		if (!form.valid) return fail(400, { form });
		const reported = isUuid(params.id) ? await reportOffer(locals.db, user, params.id, form.data.reason) : null;
		if (!reported?.ok) error(reported?.status ?? 404, 'errors.not_found');
		return message(form, 'help.reportDone');
	}
};
