import { redirect } from '@sveltejs/kit';
import { superValidate, setError, fail } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { emailSchema } from '$lib/schemas/auth';
import { requestIp } from '$lib/server/auth/request-ip';
import { startSignIn } from '$lib/server/auth/sign-in-flow';
import { rememberReturn, safeReturnPath } from '$lib/server/auth/return-path';

export const load: PageServerLoad = async ({ locals, url, cookies }) => {
	const back = safeReturnPath(url.searchParams.get('terug'));
	if (locals.user) redirect(303, back ?? '/');
	rememberReturn(cookies, back); // where to go once signed in
	return { form: await superValidate(zod4(emailSchema)) };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await superValidate(event.request, zod4(emailSchema));
		if (!form.valid) return fail(400, { form });
		const result = await startSignIn(event.cookies, form.data.email, requestIp(event), event.locals.lang);
		if (!result.ok && result.reason === 'rate_limited') return setError(form, 'email', 'errors.rate_limited', { status: 429 });
		if (!result.ok && result.reason === 'slow_down') return setError(form, 'email', 'errors.slow_down', { status: 429 });
		// The mail server did not answer: say so next to the field, keep the address.
		if (!result.ok) return setError(form, 'email', 'errors.mail_failed', { status: 503 });
		redirect(303, '/inloggen/code');
	}
};
