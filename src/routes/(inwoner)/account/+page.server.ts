import { error } from '@sveltejs/kit';
import { superValidate, setError, fail, message } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { profileSchema, profileValues } from '$lib/schemas/people';
import { requireUser } from '$lib/server/auth/guard';
import { readOwnDetails, updateProfile } from '$lib/server/people';
import { LANGUAGE_COOKIE } from '$lib/i18n';
import { rememberSetting } from '$lib/server/i18n';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	const details = await readOwnDetails(locals.db, user.id);
	if (!details) error(404, 'errors.not_found');
	const { profile, areas } = details;
	const form = await superValidate(profileValues(profile), zod4(profileSchema), { errors: false });
	return { form, email: profile.email, areas };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies }) => {
		const user = requireUser(locals);
		const form = await superValidate(request, zod4(profileSchema));
		if (!form.valid) return fail(400, { form });
		const result = await updateProfile(locals.db, user.id, form.data);
		if (!result.ok && result.reason === 'not_found') error(403, 'errors.not_allowed');
		if (!result.ok) return setError(form, 'area_id', 'errors.area_missing');
		rememberSetting(cookies, LANGUAGE_COOKIE, form.data.preferred_language);
		return message(form, 'account.saved');
	}
};
