import { redirect } from '@sveltejs/kit';
import { superValidate, setError, fail } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { onboardingSchema } from '$lib/schemas/people';
import { requireUser } from '$lib/server/auth/guard';
import { completeOnboarding, isUnknownArea, listAreas } from '$lib/server/people';
import { LANGUAGE_COOKIE } from '$lib/i18n';
import { rememberSetting } from '$lib/server/i18n';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { allowUnfinishedOnboarding: true });
	if (user.onboarded) redirect(303, '/');
	const form = await superValidate(
		{ display_name: '', area_id: '', preferred_language: locals.lang },
		zod4(onboardingSchema),
		{ errors: false }
	);
	return { form, areas: await listAreas(locals.db) };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies }) => {
		const user = requireUser(locals, { allowUnfinishedOnboarding: true });
		const form = await superValidate(request, zod4(onboardingSchema));
		if (!form.valid) return fail(400, { form });
		try {
			await completeOnboarding(locals.db, user.id, form.data);
		} catch (err) {
			if (isUnknownArea(err)) return setError(form, 'area_id', 'errors.area_missing');
			throw err;
		}
		rememberSetting(cookies, LANGUAGE_COOKIE, form.data.preferred_language);
		redirect(303, '/');
	}
};
