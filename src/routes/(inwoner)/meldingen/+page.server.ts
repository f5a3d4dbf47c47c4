import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { listNotifications, markAllRead, notificationKinds, readPreferences, savePreferences, type Frequency } from '$lib/server/notifications';

const FREQUENCIES = ['immediately', 'daily', 'never'] as const;

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	return { notifications: await listNotifications(locals.db, user.id), preferences: await readPreferences(locals.db, user.id), kinds: notificationKinds() };
};

export const actions: Actions = {
	read: async ({ locals }) => {
		const user = requireUser(locals);
		await markAllRead(locals.db, user.id);
		return {};
	},
	preferences: async ({ request, locals }) => {
		const user = requireUser(locals);
		const form = await request.formData();
		const chosen = Object.fromEntries(notificationKinds().map((k) => [k, String(form.get(k))]));
		if (Object.values(chosen).some((f) => !(FREQUENCIES as readonly string[]).includes(f))) return fail(400, { error: 'errors.form' });
		await savePreferences(locals.db, user.id, chosen as Record<string, Frequency>);
		return { saved: true };
	}
};
