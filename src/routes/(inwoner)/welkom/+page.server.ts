import { redirect } from '@sveltejs/kit';
import { superValidate, setError, fail } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { onboardingSchema } from '$lib/schemas/people';
import { requireUser } from '$lib/server/auth/guard';
import { completeOnboarding, listAreas } from '$lib/server/people';
import { LANGUAGE_COOKIE } from '$lib/i18n';
import { rememberSetting } from '$lib/server/i18n';
import { takeReturn } from '$lib/server/auth/return-path';

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
		const result = await completeOnboarding(locals.db, user.id, form.data);
		if (!result.ok) return setError(form, 'area_id', 'errors.area_missing');
		rememberSetting(cookies, LANGUAGE_COOKIE, form.data.preferred_language);
		redirect(303, takeReturn(cookies) ?? '/');
	}
};
