import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { readRequest } from '$lib/server/help/requests';
import { report } from '$lib/server/help/moderation';
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
		const target = isUuid(params.id) ? await readRequest(locals.db, params.id) : null;
		if (!target) error(404, 'errors.not_found');
		// About the other person (only for the two people involved), or about the request itself.
		const other = user.id === target.requester_id ? target.helper_id : user.id === target.helper_id ? target.requester_id : null;
		const about = url.searchParams.has('persoon') && other ? { person_id: other } : { request_id: target.id };
		await report(locals.db, user.id, about, target.area_id, parsed.data.reason);
		return { done: true };
	}
};
