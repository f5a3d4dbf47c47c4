import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { requestIp } from '$lib/server/auth/request-ip';
import { clientKey, confirmWithSecret, lookupConfirmation } from '$lib/server/carers';
import { confirmCodeSchema } from '$lib/schemas/carers';

/** The person cared for types the code from the paper or the phone call. No account needed: the code is the key. */
export const load: PageServerLoad = async () => {
	return { form: await superValidate(zod4(confirmCodeSchema)) };
};

export const actions: Actions = {
	/** Shows what the code is for, before anything is confirmed. A wrong code counts as a try. */
	look: async (event) => {
		const form = await superValidate(event.request, zod4(confirmCodeSchema));
		if (!form.valid) return fail(400, { form });
		const preview = await lookupConfirmation(event.locals.db, form.data.code, clientKey(requestIp(event)));
		if (preview.state !== 'open') return setError(form, 'code', `carers.confirm.state.${preview.state}`, { status: preview.state === 'wrong' ? 404 : 409 });
		return { form, preview };
	},

	/** "Ja, dat klopt": confirms, once. */
	confirm: async (event) => {
		const form = await superValidate(event.request, zod4(confirmCodeSchema));
		if (!form.valid) return fail(400, { form });
		const state = await confirmWithSecret(event.locals.db, form.data.code, clientKey(requestIp(event)));
		if (state !== 'confirmed') return setError(form, 'code', `carers.confirm.state.${state}`, { status: state === 'wrong' ? 404 : 409 });
		return message(form, 'carers.confirm.state.confirmed');
	}
};
