import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { hasRole, requireUser } from '$lib/server/auth/guard';
import { readMonitor } from '$lib/server/coordination/monitor';
import { monitorSchema } from '$lib/schemas/coordination';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals);
	if (!hasRole(user, 'coordinator') && !hasRole(user, 'officer')) error(403, 'coordination.monitor.only');
	const filter = monitorSchema.parse(Object.fromEntries(url.searchParams));
	return { monitor: await readMonitor(locals.db, filter), query: url.search };
};
