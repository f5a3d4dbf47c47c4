import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { readRequest } from '$lib/server/help/requests';
import { reportRequest } from '$lib/server/help/safety';
import { reportSchema } from '$lib/schemas/help';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	requireUser(locals);
	const request = isUuid(params.id) ? await readRequest(locals.db, params.id) : null;
	if (!request) error(404, 'errors.not_found');
	return { requestId: request.id, aboutPerson: url.searchParams.has('persoon') };
};

export const actions: Actions = {
	default: async ({ request, locals, params, url }) => {
		const user = requireUser(locals);
		const values = Object.fromEntries(await request.formData());
		const parsed = reportSchema.safeParse(values);
		if (!parsed.success) return fail(400, { error: parsed.error.issues[0].message, reason: String(values.reason ?? '') });
		const reported = isUuid(params.id) ? await reportRequest(locals.db, user, params.id, url.searchParams.has('persoon'), parsed.data.reason) : null;
		if (!reported?.ok) error(reported?.status ?? 404, 'errors.not_found');
		return { done: true };
	}
};
