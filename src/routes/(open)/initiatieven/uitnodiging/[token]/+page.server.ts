import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { signInFor } from '$lib/server/auth/return-path';
import { acceptInvite, readInvite } from '$lib/server/initiatives/initiatives';

// The link in a co-founder's invitation. Signed out: sign in first with the invited address (an
// account is made then); the sign-in comes back here. Signed in: join with one button.
const token = (params: { token: string }) => (/^[A-Za-z0-9_-]{20,64}$/.test(params.token) ? params.token : null);

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) return { signedIn: false, invite: null, signIn: signInFor(url.pathname) };
	const t = token(params);
	return { signedIn: true, invite: t ? await readInvite(locals.db, t) : null, signIn: null };
};

export const actions: Actions = {
	default: async ({ locals, params }) => {
		requireUser(locals);
		const t = token(params);
		const joined = t ? await acceptInvite(locals.db, t) : ({ ok: false, error: 'initiatives.invite.invalid', status: 400 } as const);
		if (!joined.ok) return fail(joined.status, { error: joined.error });
		redirect(303, `/initiatieven/${joined.initiativeId}?meedoen`);
	}
};
