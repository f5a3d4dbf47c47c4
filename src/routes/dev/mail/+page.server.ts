import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { devMailboxEnabled, listDevMail } from '$lib/server/mail';

// Only while no SMTP server is configured: a production site never has this page.
export const load: PageServerLoad = () => {
	if (!devMailboxEnabled()) error(404, 'errors.not_found');
	return { messages: listDevMail().map(({ id, to, subject, sentAt }) => ({ id, to, subject, sentAt })) };
};
