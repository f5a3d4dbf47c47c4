import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { readOffer } from '$lib/server/help/volunteers';
import { reportOffer } from '$lib/server/help/safety';
import { reportSchema } from '$lib/schemas/help';

/** The offer as this person may see it (RLS: visible offers, or their own, or in a coordinator's areas). */
async function visibleOffer(locals: App.Locals, id: string) {
	const offer = isUuid(id) ? await readOffer(locals.db, id) : null;
	if (!offer) error(404, 'errors.not_found');
	return offer;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	requireUser(locals);
	await visibleOffer(locals, params.id);
	return {};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const user = requireUser(locals);
		const values = Object.fromEntries(await request.formData());
		const parsed = reportSchema.safeParse(values);
		if (!parsed.success) return fail(400, { error: parsed.error.issues[0].message, reason: String(values.reason ?? '') });
		const reported = isUuid(params.id) ? await reportOffer(locals.db, user, params.id, parsed.data.reason) : null;
		if (!reported?.ok) error(reported?.status ?? 404, 'errors.not_found');
		return { done: true };
	}
};
