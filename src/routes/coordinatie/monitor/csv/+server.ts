import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { hasRole, requireUser } from '$lib/server/auth/guard';
import { monitorTable, toCsv } from '$lib/server/coordination/monitor';
import { monitorCsvSchema } from '$lib/schemas/coordination';
import { translate } from '$lib/server/i18n';

/** One table of the monitor as CSV, with the same filters as the page. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals);
	if (!hasRole(user, 'coordinator') && !hasRole(user, 'officer')) error(403, 'coordination.monitor.only');
	const filter = monitorCsvSchema.parse(Object.fromEntries(url.searchParams));
	const rows = await monitorTable(locals.db, filter, filter.tabel, (key) => translate(user.language, key));
	return new Response(toCsv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="omzien-monitor-${filter.tabel}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
