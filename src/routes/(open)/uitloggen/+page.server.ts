import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { deleteSessionCookie, invalidateAllSessions, invalidateSession } from '$lib/server/auth/session';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/');
};

export const actions: Actions = {
	hier: async ({ locals, cookies }) => {
		if (locals.sessionId) await invalidateSession(locals.sessionId);
		deleteSessionCookie(cookies);
		redirect(303, '/?uitgelogd');
	},
	overal: async ({ locals, cookies }) => {
		if (locals.user) await invalidateAllSessions(locals.user.id);
		deleteSessionCookie(cookies);
		redirect(303, '/?uitgelogd');
	}
};
