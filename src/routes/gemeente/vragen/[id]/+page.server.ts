import { error } from '@sveltejs/kit';
import { superValidate, setError, fail, message } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireOfficer } from '$lib/server/auth/guard';
import { answerSchema } from '$lib/schemas/initiatives';
import { answerAsk, readAskForOfficer } from '$lib/server/initiatives/answers';

const schema = answerSchema;

async function readAsk(locals: App.Locals, id: string) {
	requireOfficer(locals);
	const found = isUuid(id) ? await readAskForOfficer(locals.db, id) : null;
	if (!found) error(404, 'initiatives.errors.not_found');
	return found;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const found = await readAsk(locals, params.id);
	return { ...found, form: await superValidate(zod4(schema)) };
};

export const actions: Actions = {
	default: async ({ request, locals, params, url }) => {
		await readAsk(locals, params.id);
		const form = await superValidate(request, zod4(schema));
		if (!form.valid) return fail(400, { form });
		const result = await answerAsk(locals.db, params.id, form.data, url.origin);
		if (!result.ok) return setError(form, result.field as 'alternative', result.error, { status: result.status });
		return message(form, 'initiatives.officer.sent');
	}
};
