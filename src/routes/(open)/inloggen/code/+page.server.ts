import { redirect } from '@sveltejs/kit';
import { superValidate, setError, fail } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { codeSchema, normaliseCode } from '$lib/schemas/auth';
import { finishSignIn, pendingSignInEmail } from '$lib/server/auth/sign-in-flow';
import { takeReturn } from '$lib/server/auth/return-path';

export const load: PageServerLoad = async ({ locals, cookies }) => {
	if (locals.user) redirect(303, '/');
	const email = pendingSignInEmail(cookies);
	if (!email) redirect(303, '/inloggen');
	return { email, form: await superValidate(zod4(codeSchema)) };
};

export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const email = pendingSignInEmail(cookies);
		if (!email) redirect(303, '/inloggen');
		const form = await superValidate(request, zod4(codeSchema));
		if (!form.valid) return fail(400, { form });

		const result = await finishSignIn(cookies, email, normaliseCode(form.data.code));
		// A new person first says who they are (/welkom); that page then goes where they were going.
		if (result.ok) redirect(303, result.isNewUser ? '/welkom' : (takeReturn(cookies) ?? '/'));
		form.data.code = '';
		if (result.reason === 'wrong') {
			form.message = { triesLeft: result.triesLeft };
			return setError(form, 'code', 'errors.code_wrong');
		}
		if (result.reason === 'expired') return setError(form, 'code', 'errors.code_expired');
		return setError(form, 'code', 'errors.code_too_many', { status: 429 });
	}
};
