import { error } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { readRequest } from '$lib/server/help/requests';
import { reportRequest } from '$lib/server/help/safety';
import { reportSchema } from '$lib/schemas/help';

const reportForm = zod4(reportSchema);

export const load: PageServerLoad = async ({ locals, params, url }) => {
	requireUser(locals);
	const request = isUuid(params.id) ? await readRequest(locals.db, params.id) : null;
	if (!request) error(404, 'errors.not_found');
	return { requestId: request.id, aboutPerson: url.searchParams.has('persoon'), form: await superValidate(reportForm) };
};

export const actions: Actions = {
	default: async ({ request, locals, params, url }) => {
		const user = requireUser(locals);
		const form = await superValidate(request, reportForm);
		if (!form.valid) return fail(400, { form });
		const reported = isUuid(params.id) ? await reportRequest(locals.db, user, params.id, url.searchParams.has('persoon'), form.data.reason) : null;
		if (!reported?.ok) error(reported?.status ?? 404, 'errors.not_found');
		return message(form, 'help.reportDone');
	}
};
