import { error } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { refuse } from '$lib/server/forms';
import { configurableMunicipality, kindForm, readInitiativeSettings, saveKindSettings } from '$lib/server/initiatives/settings';
import { kindSettingsSchema, type AskKind } from '$lib/schemas/initiatives';

// One kind of ask: the team (and per area where another team answers), the deadline in working
// days, what silence means, refusal reasons and "ja, mits" templates. A permit can never be yes
// by silence: the database refuses it, and the message stands next to the choice.
async function municipalityOf(locals: App.Locals) {
	const municipality = await configurableMunicipality(locals.db, requireUser(locals));
	if (!municipality) error(403, 'initiatives.settings.onlyLeads');
	return municipality;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const municipality = await municipalityOf(locals);
	const settings = await readInitiativeSettings(locals.db, municipality.id);
	const kind = params.kind as AskKind;
	const form = await superValidate(kindForm(settings, kind), zod4(kindSettingsSchema), { errors: false });
	return { municipality, kind, teams: settings.teams, areas: settings.areas, form };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const municipality = await municipalityOf(locals);
		const form = await superValidate(request, zod4(kindSettingsSchema));
		if (!form.valid) return fail(400, { form });
		const refused = await saveKindSettings(locals.db, municipality.id, params.kind as AskKind, form.data);
		return refused ? refuse(form, refused) : message(form, 'initiatives.settings.saved');
	}
};
