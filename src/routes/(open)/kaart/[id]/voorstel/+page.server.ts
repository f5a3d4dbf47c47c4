import { error } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { refuse } from '$lib/server/forms';
import { canPropose, proposeChange, readForProposal } from '$lib/server/social-map/proposals';
import { proposalSchema } from '$lib/schemas/social-map';

const proposalForm = zod4(proposalSchema);

export const load: PageServerLoad = async ({ locals, params }) => {
	requireUser(locals);
	const entry = isUuid(params.id) ? await readForProposal(locals.db, params.id) : null;
	if (!entry) error(404, 'socialMap.errors.not_found');
	if (!(await canPropose(locals.db, entry.id))) error(403, 'socialMap.propose.notYours');
	const start = { name: entry.name, summary: entry.summary, description: entry.description, phone: entry.phone ?? '', email: entry.email ?? '', url: entry.url ?? '', note: '' };
	return { entry, form: await superValidate(start, proposalForm, { errors: false }) };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		requireUser(locals);
		const form = await superValidate(request, proposalForm);
		if (!form.valid) return fail(400, { form });
		if (!isUuid(params.id)) error(404, 'socialMap.errors.not_found');
		const refused = await proposeChange(locals.db, params.id, form.data);
		return refused ? refuse(form, refused) : message(form, 'socialMap.propose.sent');
	}
};
