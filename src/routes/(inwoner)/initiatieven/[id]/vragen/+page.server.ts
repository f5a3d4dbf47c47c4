import { error, redirect } from '@sveltejs/kit';
import { superValidate, fail } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from '$lib/schemas/zod';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { ASK_KINDS } from '$lib/schemas/initiatives';
import { readInitiative, removeAsk } from '$lib/server/initiatives/initiatives';

const chooseSchema = z.object({ kind: z.enum(ASK_KINDS, { error: 'initiatives.errors.kind_missing' }) });
const removeSchema = z.object({ ask: z.uuid() });

async function editable(locals: App.Locals, id: string) {
	const user = requireUser(locals);
	const found = isUuid(id) ? await readInitiative(locals.db, id, user.id) : null;
	if (!found) error(404, 'initiatives.errors.not_found');
	if (!found.canEdit) redirect(303, `/initiatieven/${id}`);
	return found;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { initiative, asks } = await editable(locals, params.id);
	return { initiative: { id: initiative.id, name: initiative.name }, asks, added: url.searchParams.has('toegevoegd'), form: await superValidate(zod4(chooseSchema)) };
};

export const actions: Actions = {
	choose: async ({ request, locals, params }) => {
		await editable(locals, params.id);
		const form = await superValidate(request, zod4(chooseSchema));
		if (!form.valid) return fail(400, { form });
		redirect(303, `/initiatieven/${params.id}/vragen/${form.data.kind}`);
	},
	remove: async ({ request, locals, params }) => {
		await editable(locals, params.id);
		const form = await superValidate(request, zod4(removeSchema));
		if (form.valid) await removeAsk(locals.db, form.data.ask);
		return { removed: form.valid };
	}
};
