import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { listNotifications, markAllRead, notificationKinds, readPreferences, savePreferences } from '$lib/server/notifications';
import { preferencesSchema, type Frequency } from '$lib/schemas/notifications';

// The kinds are known once every domain has registered its own (at import time).
let adapter: ReturnType<typeof zod4> | undefined;
const preferencesForm = () => (adapter ??= zod4(preferencesSchema(notificationKinds())));

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	const form = await superValidate(await readPreferences(locals.db, user.id), preferencesForm(), { errors: false });
	return { notifications: await listNotifications(locals.db, user.id), form, kinds: notificationKinds() };
};

export const actions: Actions = {
	read: async ({ locals }) => {
		const user = requireUser(locals);
		await markAllRead(locals.db, user.id);
		return {};
	},
	preferences: async ({ request, locals }) => {
		const user = requireUser(locals);
		// strict: a kind left out is an error, not silently "right away".
		const form = await superValidate(request, preferencesForm(), { strict: true });
		if (!form.valid) return fail(400, { form });
		await savePreferences(locals.db, user.id, form.data as Record<string, Frequency>);
		return message(form, 'notifications.prefsSaved');
	}
};
