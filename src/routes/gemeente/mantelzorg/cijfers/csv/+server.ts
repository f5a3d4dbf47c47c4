// The carers' monitor of one year as CSV: the same table as the page, hidden counts empty.
import type { RequestHandler } from './$types';
import { carerMonitorExport, currentYear } from '$lib/server/carers';
import { carerMonitorSchema } from '$lib/schemas/carers';
import { translate } from '$lib/server/i18n';
import { requireCarerOfficer } from '../../officer';

export const GET: RequestHandler = async ({ locals, url }) => {
	const { user, municipalityId } = await requireCarerOfficer(locals);
	const { jaar } = carerMonitorSchema.parse(Object.fromEntries(url.searchParams));
	const { csv, filename } = await carerMonitorExport(locals.db, municipalityId, jaar ?? currentYear(), currentYear(), (key) => translate(user.language, key));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
};
