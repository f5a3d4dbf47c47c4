// The carer-support pages under /gemeente/mantelzorg: the signed-in officer and the municipality
// they work for, or 404 when they have none. One helper for every route here.
import { error } from '@sveltejs/kit';
import { requireOfficer } from '$lib/server/auth/guard';
import { municipalityFor } from '$lib/server/carers';

export async function requireCarerOfficer(locals: App.Locals) {
	const user = requireOfficer(locals);
	const municipalityId = await municipalityFor(locals.db, user);
	if (!municipalityId) error(404, 'errors.not_found');
	return { user, municipalityId };
}
