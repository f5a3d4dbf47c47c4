import { error } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { refuse } from '$lib/server/forms';
import { configurableMunicipality, readInitiativeSettings, saveCalendar } from '$lib/server/initiatives/settings';
import { calendarSchema } from '$lib/schemas/initiatives';

// How the municipality answers initiatives: per kind of ask (each kind has its own page) and
// the municipality's days off. For its administrator and team leads; the database decides.
async function municipalityOf(locals: App.Locals) {
	const municipality = await configurableMunicipality(locals.db, requireUser(locals));
	if (!municipality) error(403, 'initiatives.settings.onlyLeads');
	return municipality;
}

export const load: PageServerLoad = async ({ locals }) => {
	const municipality = await municipalityOf(locals);
	const settings = await readInitiativeSettings(locals.db, municipality.id);
	return { municipality, ...settings, form: await superValidate(settings.calendar, zod4(calendarSchema), { errors: false }) };
};

export const actions: Actions = {
	calendar: async ({ request, locals }) => {
		const municipality = await municipalityOf(locals);
		const form = await superValidate(request, zod4(calendarSchema));
		if (!form.valid) return fail(400, { form });
		const refused = await saveCalendar(locals.db, municipality.id, form.data);
		return refused ? refuse(form, refused) : message(form, 'initiatives.settings.saved');
	}
};
