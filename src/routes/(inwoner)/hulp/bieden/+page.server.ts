import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { hasRole, requireUser } from '$lib/server/auth/guard';
import { listCategories } from '$lib/server/help/requests';
import { closeOffer, listMyOffers, offerHelp, saveVolunteerProfile, volunteerProfileValues } from '$lib/server/help/volunteers';
import { listAreas } from '$lib/server/people';
import { closeOfferSchema, offerSchema, volunteerSchema, type OfferInput } from '$lib/schemas/help';
import { transcriptAction } from '$lib/server/voice/transcript-action';

const profileForm = zod4(volunteerSchema);
const offerForm = zod4(offerSchema);
const closeForm = zod4(closeOfferSchema);

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	const [categories, areas] = await Promise.all([listCategories(locals.db), listAreas(locals.db)]);
	if (!hasRole(user, 'volunteer')) return { isVolunteer: false as const, categories, areas };
	const { values, vogDate } = await volunteerProfileValues(locals.db, user);
	return {
		isVolunteer: true as const,
		categories,
		areas,
		vogDate,
		profileForm: await superValidate(values, profileForm, { errors: false }),
		// No kind of help chosen yet (superforms would start an enum at its first value).
		offerForm: await superValidate({ area_id: values.area_id, category_id: '' as OfferInput['category_id'] }, offerForm, { errors: false }),
		offers: await listMyOffers(locals.db, user.id)
	};
};

export const actions: Actions = {
	profile: async ({ request, locals }) => {
		const user = requireUser(locals);
		const form = await superValidate(request, profileForm);
		if (!form.valid) return fail(400, { form });
		const refused = await saveVolunteerProfile(locals.db, user.id, form.data);
		if (refused) return setError(form, refused.field as 'area_id', refused.message, { status: refused.status });
		return message(form, 'help.volunteerSaved');
	},
	/** A one-off offer, typed or spoken (the file comes with the form: superforms keeps it out of the answer). */
	offer: async ({ request, locals }) => {
		const user = requireUser(locals);
		const form = await superValidate(request, offerForm, { strict: true });
		if (!form.valid) return fail(400, { form });
		const refused = await offerHelp(locals.db, user.id, form.data);
		if (refused) return setError(form, refused.field as 'area_id', refused.message, { status: refused.status });
		return message(form, 'help.oneOffSaved');
	},
	transcript: transcriptAction,
	close: async ({ request, locals }) => {
		const user = requireUser(locals);
		const form = await superValidate(request, closeForm);
		if (!form.valid) return fail(400, { form });
		await closeOffer(locals.db, user.id, form.data.offer);
		return { form };
	}
};
