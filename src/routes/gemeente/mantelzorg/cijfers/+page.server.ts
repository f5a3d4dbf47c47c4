import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireOfficer } from '$lib/server/auth/guard';
import { currentYear, municipalityFor, readCarerMonitor } from '$lib/server/carers';
import { carerMonitorSchema } from '$lib/schemas/carers';

/** The carers' monitor: per year and area, counts only, any count under 5 hidden (in SQL). */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireOfficer(locals);
	const municipalityId = await municipalityFor(locals.db, user);
	if (!municipalityId) error(404, 'errors.not_found');
	const { jaar } = carerMonitorSchema.parse(Object.fromEntries(url.searchParams));
	return { monitor: await readCarerMonitor(locals.db, municipalityId, jaar ?? currentYear(), currentYear()) };
};
