// The payment list for the finance system: approved money of this year that is not yet paid,
// as CSV (IBAN, name, amount, reference). Officers of the municipality only; logged.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireOfficer } from '$lib/server/auth/guard';
import { currentYear, municipalityFor, paymentExport } from '$lib/server/carers';

export const GET: RequestHandler = async ({ locals }) => {
	const user = requireOfficer(locals);
	const municipalityId = await municipalityFor(locals.db, user);
	if (!municipalityId) error(404, 'errors.not_found');
	const { csv, filename } = await paymentExport(locals.db, user.id, municipalityId, currentYear());
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'no-store'
		}
	});
};
