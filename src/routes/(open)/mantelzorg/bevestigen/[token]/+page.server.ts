import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requestIp } from '$lib/server/auth/request-ip';
import { clientKey, confirmWithSecret, lookupConfirmation } from '$lib/server/carers';

/**
 * The link from the e-mail. Opening it only shows what to confirm (a mail program that opens
 * links by itself confirms nothing); the one click is the button, a POST.
 */
export const load: PageServerLoad = async (event) => {
	return { preview: await lookupConfirmation(event.locals.db, event.params.token, clientKey(requestIp(event))) };
};

export const actions: Actions = {
	default: async (event) => {
		const state = await confirmWithSecret(event.locals.db, event.params.token, clientKey(requestIp(event)));
		if (state !== 'confirmed') return fail(state === 'wrong' ? 404 : 409, { state });
		return { state };
	}
};
