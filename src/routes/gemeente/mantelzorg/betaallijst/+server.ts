// The payment list for the finance system: approved money of this year that is not yet paid,
// as CSV (IBAN, name, amount, reference). Officers of the municipality only; logged.
import type { RequestHandler } from './$types';
import { currentYear, paymentExport } from '$lib/server/carers';
import { requireCarerOfficer } from '../officer';

export const GET: RequestHandler = async ({ locals }) => {
	const { user, municipalityId } = await requireCarerOfficer(locals);
	const { csv, filename } = await paymentExport(locals.db, user.id, municipalityId, currentYear());
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'no-store'
		}
	});
};
