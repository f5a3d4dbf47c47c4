import { fail } from '@sveltejs/kit';
import { superValidate, message, setError } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { requireCoordinator } from '$lib/server/auth/guard';
import { confirmServiceSchema, proposalDecisionSchema } from '$lib/schemas/social-map';
import { refuse } from '$lib/server/forms';
import { decideProposal, listOpenProposals } from '$lib/server/social-map/proposals';
import { confirmService, listEditorQueue } from '$lib/server/social-map/editors';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireCoordinator(locals);
	const form = await superValidate(zod4(confirmServiceSchema), { errors: false });
	const [queue, proposals] = await Promise.all([listEditorQueue(locals.db, user.id), listOpenProposals(locals.db)]);
	return { queue, proposals, form };
};

export const actions: Actions = {
	/** "Dit klopt nog": the entry is checked today by this coordinator. */
	confirm: async ({ request, locals }) => {
		requireCoordinator(locals);
		const form = await superValidate(request, zod4(confirmServiceSchema));
		if (!form.valid) return fail(400, { form });
		const result = await confirmService(locals.db, form.data.service_id);
		if (!result.ok) return setError(form, 'service_id', 'errors.not_allowed', { status: result.status });
		return message(form, 'socialMap.editor.confirmed');
	},

	/** An editor approves or turns down a provider's proposal. */
	decide: async ({ request, locals }) => {
		requireCoordinator(locals);
		const form = await superValidate(request, zod4(proposalDecisionSchema), { id: 'decide' });
		if (!form.valid) return fail(400, { form });
		const refused = await decideProposal(locals.db, form.data.proposal, form.data.decision === 'approve');
		if (refused) return refuse(form, refused);
		return message(form, form.data.decision === 'approve' ? 'socialMap.propose.approved' : 'socialMap.propose.rejected');
	}
};
