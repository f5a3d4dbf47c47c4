import type { LayoutServerLoad } from './$types';
import { devMailboxEnabled } from '$lib/server/mail';

export const load: LayoutServerLoad = ({ locals, url }) => {
	const user = locals.user;
	return {
		lang: locals.lang,
		largeText: locals.largeText,
		path: url.pathname,
		devMail: devMailboxEnabled(),
		user: user && {
			displayName: user.displayName,
			isCoordinator: user.roles.some((r) => r.role === 'coordinator')
		}
	};
};
