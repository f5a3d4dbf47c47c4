import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid } from '$lib/server/auth/guard';
import { refuse } from '$lib/server/forms';
import { currentYear, divideBudget, markCalledBack, readOfficerOverview, saveSettings, savePartner, settingsForm } from '$lib/server/carers';
import { partnerSchema, settingsSchema } from '$lib/schemas/carers';
import { requireCarerOfficer } from './officer';

const municipalityOf = async (locals: App.Locals) => (await requireCarerOfficer(locals)).municipalityId;

/** The carer-support officer's page: this year's rules, the applications, checks, figures, partners and budget. */
export const load: PageServerLoad = async ({ locals }) => {
	const year = currentYear();
	const { settings, ...overview } = await readOfficerOverview(locals.db, await municipalityOf(locals), year);
	const form = await superValidate(settingsForm(settings, year), zod4(settingsSchema), { errors: false });
	return { year, form, ...overview, partnerForm: await superValidate(zod4(partnerSchema)) };
};

export const actions: Actions = {
	settings: async ({ request, locals }) => {
		const municipalityId = await municipalityOf(locals);
		const form = await superValidate(request, zod4(settingsSchema));
		if (!form.valid) return fail(400, { form });
		const saved = await saveSettings(locals.db, municipalityId, currentYear(), form.data);
		if (!saved.ok) return setError(form, '', saved.error, { status: saved.status });
		return message(form, 'carers.officer.saved');
	},

	/** A shop, cinema or florist that takes the vouchers or hands out a gift. */
	partner: async ({ request, locals }) => {
		const municipalityId = await municipalityOf(locals);
		const partnerForm = await superValidate(request, zod4(partnerSchema));
		if (!partnerForm.valid) return fail(400, { partnerForm });
		const saved = await savePartner(locals.db, municipalityId, partnerForm.data);
		if (!saved.ok) return refuse(partnerForm, saved.refusal);
		return message(partnerForm, 'carers.officer.partnerSaved');
	},

	/** Divides the year's budget over every approved carer, once. */
	divide: async ({ locals }) => {
		const municipalityId = await municipalityOf(locals);
		const divided = await divideBudget(locals.db, municipalityId, currentYear());
		if (!divided.ok) return fail(divided.status, { budgetError: divided.error });
		return { budgetDivided: true };
	},

	calledBack: async ({ request, locals }) => {
		await municipalityOf(locals);
		const id = String((await request.formData()).get('id') ?? '');
		if (isUuid(id)) await markCalledBack(locals.db, id);
		return { calledBack: true };
	}
};
