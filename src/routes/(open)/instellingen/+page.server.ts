import { redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { LANGUAGE_COOKIE } from '$lib/i18n';
import { TEXT_SIZE_COOKIE } from '$lib/settings';
import { safeReturnPath } from '$lib/server/auth/guard';
import { updateLanguage } from '$lib/server/people';
import { rememberSetting } from '$lib/server/i18n';
import { settingsSchema } from '$lib/schemas/settings';

const settingsForm = zod4(settingsSchema);

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	/** Language and text size from the header; remembered in a cookie and, for language, the profile. */
	default: async ({ request, cookies, locals }) => {
		const form = await superValidate(request, settingsForm);
		// A forged value changes nothing: the header has no place for an error, so back to the page.
		if (!form.valid) redirect(303, safeReturnPath(form.data.terug));
		const { lang, text, terug } = form.data;
		if (lang) {
			rememberSetting(cookies, LANGUAGE_COOKIE, lang);
			if (locals.user) await updateLanguage(locals.db, locals.user.id, lang);
		}
		if (text) rememberSetting(cookies, TEXT_SIZE_COOKIE, text);
		redirect(303, safeReturnPath(terug));
	}
};
