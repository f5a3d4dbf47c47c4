import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { devMailboxEnabled, readDevMail } from '$lib/server/mail';

export const load: PageServerLoad = ({ params }) => {
	if (!devMailboxEnabled()) error(404, 'errors.not_found');
	const mail = readDevMail(params.id);
	if (!mail) error(404, 'errors.not_found');
	return { mail };
};
