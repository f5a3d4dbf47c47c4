import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { listCategories } from '$lib/server/help/requests';
import { closeOffer, offerHelp, listMyOffers, readVolunteerProfile, saveVolunteerProfile } from '$lib/server/help/volunteers';
import { listAreas } from '$lib/server/people';
import { maskToSlots, offerSchema, volunteerSchema } from '$lib/schemas/help';
import { uploadedFile } from '$lib/server/voice/store';
import { transcriptAction } from '$lib/server/voice/transcript-action';

const isVolunteer = (locals: App.Locals) => !!locals.user?.roles.some((r) => r.role === 'volunteer');
const issues = (list: { path: PropertyKey[]; message: string }[]) => Object.fromEntries(list.map((i) => [String(i.path[0]), i.message]));

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	const [categories, areas] = await Promise.all([listCategories(locals.db), listAreas(locals.db)]);
	if (!isVolunteer(locals)) return { isVolunteer: false, categories, areas, profile: null, offers: [] };
	const profile = await readVolunteerProfile(locals.db, user.id);
	return {
		isVolunteer: true,
		categories,
		areas,
		profile: {
			categories: profile?.categories ?? [],
			area_id: profile?.area_id ?? user.areaId ?? '',
			max_distance_km: Number(profile?.max_distance_km ?? 3),
			slots: maskToSlots(profile?.availability ?? 0),
			skills: profile?.skills ?? '',
			vog_date: profile?.vog_date ?? null
		},
		offers: await listMyOffers(locals.db, user.id)
	};
};

export const actions: Actions = {
	profile: async ({ request, locals }) => {
		const user = requireUser(locals);
		const form = await request.formData();
		const values = {
			categories: form.getAll('categories').map(String),
			area_id: String(form.get('area_id') ?? ''),
			max_distance_km: String(form.get('max_distance_km') ?? ''),
			slots: form.getAll('slots').map(String),
			skills: String(form.get('skills') ?? '')
		};
		const parsed = volunteerSchema.safeParse(values);
		if (!parsed.success) return fail(400, { profileErrors: issues(parsed.error.issues), values });
		if (!(await saveVolunteerProfile(locals.db, user.id, parsed.data))) return fail(403, { profileErrors: { categories: 'errors.not_allowed' }, values });
		return { profileSaved: true };
	},
	offer: async ({ request, locals }) => {
		const user = requireUser(locals);
		const form = await request.formData();
		const file = uploadedFile(form.get('voice'));
		form.delete('voice');
		const values = Object.fromEntries(form) as Record<string, string>;
		const parsed = offerSchema.safeParse(values);
		if (!parsed.success) return fail(400, { offerErrors: issues(parsed.error.issues), offerValues: values });
		if (!parsed.data.description && !file) return fail(400, { offerErrors: { description: 'voice.errors.offer_text_or_voice' }, offerValues: values });
		const refused = await offerHelp(locals.db, user.id, parsed.data, file);
		if (refused) return fail(refused.status, { offerErrors: refused.errors, offerValues: values });
		return { offerSaved: true };
	},
	transcript: transcriptAction,
	close: async ({ request, locals }) => {
		const user = requireUser(locals);
		const id = String((await request.formData()).get('offer') ?? '');
		if (isUuid(id)) await closeOffer(locals.db, user.id, id);
		return {};
	}
};
