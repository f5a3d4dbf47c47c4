import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { readVolunteerMessage } from '$lib/server/coordination/messages';

export const load: PageServerLoad = async ({ locals, params }) => {
	requireUser(locals);
	const message = isUuid(params.id) ? await readVolunteerMessage(locals.db, params.id) : null;
	if (!message) error(404, 'errors.not_found');
	return { message };
};
