import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signOut } from '$lib/server/auth/sign-in-flow';

// Two buttons and no fields: plain forms, nothing for superforms to check.
export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/');
};

export const actions: Actions = {
	hier: async ({ locals, cookies }) => {
		await signOut(locals, cookies);
		redirect(303, '/?uitgelogd');
	},
	overal: async ({ locals, cookies }) => {
		await signOut(locals, cookies, { everywhere: true });
		redirect(303, '/?uitgelogd');
	}
};
