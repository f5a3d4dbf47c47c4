import { redirect } from '@sveltejs/kit';
import { superValidate, setError, fail } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { codeSchema, normaliseCode } from '$lib/schemas/auth';
import { verifySignInCode } from '$lib/server/auth/sign-in-code';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { SIGN_IN_EMAIL_COOKIE } from '$lib/server/auth/sign-in-flow';

export const load: PageServerLoad = async ({ locals, cookies }) => {
	if (locals.user) redirect(303, '/');
	const email = cookies.get(SIGN_IN_EMAIL_COOKIE);
	if (!email) redirect(303, '/inloggen');
	return { email, form: await superValidate(zod4(codeSchema)) };
};

export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const email = cookies.get(SIGN_IN_EMAIL_COOKIE);
		if (!email) redirect(303, '/inloggen');
		const form = await superValidate(request, zod4(codeSchema));
		if (!form.valid) return fail(400, { form });

		const result = await verifySignInCode(email, normaliseCode(form.data.code));
		if (!result.ok) {
			form.data.code = '';
			if (result.reason === 'wrong') {
				form.message = { triesLeft: result.triesLeft };
				return setError(form, 'code', 'errors.code_wrong');
			}
			return setError(form, 'code', result.reason === 'expired' ? 'errors.code_expired' : 'errors.code_too_many', {
				status: result.reason === 'expired' ? 400 : 429
			});
		}
		const { token } = await createSession(result.userId);
		setSessionCookie(cookies, token);
		cookies.delete(SIGN_IN_EMAIL_COOKIE, { path: '/inloggen' });
		redirect(303, result.isNewUser ? '/welkom' : '/');
	}
};
