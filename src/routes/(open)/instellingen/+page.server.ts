import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { LANGUAGE_COOKIE, isLanguage } from '$lib/i18n';
import { TEXT_SIZE_COOKIE } from '$lib/settings';
import { safeReturnPath } from '$lib/server/auth/guard';
import { updateLanguage } from '$lib/server/people';
import { rememberSetting } from '$lib/server/i18n';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	/** Language and text size from the header; remembered in a cookie and, for language, the profile. */
	default: async ({ request, cookies, locals }) => {
		const form = await request.formData();
		const lang = form.get('lang');
		const text = form.get('text');
		if (isLanguage(lang)) {
			rememberSetting(cookies, LANGUAGE_COOKIE, lang);
			if (locals.user) await updateLanguage(locals.db, locals.user.id, lang);
		}
		if (text === 'large' || text === 'normal') rememberSetting(cookies, TEXT_SIZE_COOKIE, text);
		redirect(303, safeReturnPath(form.get('terug')));
	}
};
