import { redirect } from '@sveltejs/kit';
import { superValidate, setError, fail } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { emailSchema } from '$lib/schemas/auth';
import { requestSignInCode } from '$lib/server/auth/sign-in-code';
import { requestIp } from '$lib/server/auth/request-ip';
import { SIGN_IN_EMAIL_COOKIE } from '$lib/server/auth/sign-in-flow';
import { config } from '$lib/server/config';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.user) redirect(303, '/');
	return { form: await superValidate(zod4(emailSchema)) };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await superValidate(event.request, zod4(emailSchema));
		if (!form.valid) return fail(400, { form });
		const result = await requestSignInCode(form.data.email, requestIp(event), event.locals.lang);
		if (!result.ok && result.reason === 'rate_limited') return setError(form, 'email', 'errors.rate_limited', { status: 429 });
		if (!result.ok) return setError(form, 'email', 'errors.mail_failed', { status: 503 });
		event.cookies.set(SIGN_IN_EMAIL_COOKIE, form.data.email, {
			path: '/inloggen',
			httpOnly: true,
			sameSite: 'lax',
			secure: config.secureCookies,
			maxAge: 15 * 60
		});
		redirect(303, '/inloggen/code');
	}
};
