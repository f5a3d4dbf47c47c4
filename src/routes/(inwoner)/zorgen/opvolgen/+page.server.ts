import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { isContactPerson, listSignalsToFollowUp } from '$lib/server/signals';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	if (!(await isContactPerson(locals.db, user.id))) error(403, 'signals.onlyContacts');
	return { signals: await listSignalsToFollowUp(locals.db) };
};
