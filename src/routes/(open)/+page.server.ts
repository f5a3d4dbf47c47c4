import type { PageServerLoad } from './$types';
import { readFrontDoor } from '$lib/server/home';

export const load: PageServerLoad = async ({ locals, url }) => {
	return {
		frontDoor: await readFrontDoor(locals.db, locals.user),
		signedOut: url.searchParams.has('uitgelogd')
	};
};
