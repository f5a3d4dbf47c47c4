import type { PageServerLoad } from './$types';
import { currentYear, readCarerMonitor } from '$lib/server/carers';
import { carerMonitorSchema } from '$lib/schemas/carers';
import { requireCarerOfficer } from '../officer';

/** The carers' monitor: per year and area, counts only, any count under 5 hidden (in SQL). */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { municipalityId } = await requireCarerOfficer(locals);
	const { jaar } = carerMonitorSchema.parse(Object.fromEntries(url.searchParams));
	return { monitor: await readCarerMonitor(locals.db, municipalityId, jaar ?? currentYear(), currentYear()) };
};
