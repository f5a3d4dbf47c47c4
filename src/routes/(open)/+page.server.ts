import type { PageServerLoad } from './$types';
import { listAreas } from '$lib/server/people';

export const load: PageServerLoad = async ({ locals, url }) => {
	return {
		areas: await listAreas(locals.db),
		signedOut: url.searchParams.has('uitgelogd')
	};
};
