import { redirect } from '@sveltejs/kit';
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { hasRole, isUuid, requireUser } from '$lib/server/auth/guard';
import { readProfile } from '$lib/server/people';
import { apply, thisYear } from '$lib/server/carers';
import { applySchema, moveStep, parseApplication } from '$lib/schemas/carers';
import { keepDraft, uploadedFile } from '$lib/server/voice/store';

/** ?voor=<id>: a coordinator applies for a resident after a phone call (RLS: only people in their areas; logged). */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals);
	const { settings, amountCents } = await thisYear(locals.db, user);
	if (!settings) redirect(303, '/mantelzorg');
	const voor = url.searchParams.get('voor') ?? '';
	const resident = hasRole(user, 'coordinator') && isUuid(voor) ? await readProfile(locals.db, voor) : null;
	const form = await superValidate({ carer_id: resident?.id ?? user.id }, zod4(applySchema), { errors: false });
	return { form, settings, amountCents, residentName: resident?.display_name ?? null };
};

export const actions: Actions = {
	/** Checks the question on screen and moves to the next one (or back). A recording is saved as a draft at once. */
	step: async ({ request, locals }) => {
		requireUser(locals);
		const formData = await request.formData();
		const form = await superValidate(formData, zod4(applySchema));
		if (!form.valid) return fail(400, { form });
		if (form.data.step === 'extra') {
			const voice = await keepDraft(locals.db, uploadedFile(formData.get('voice')));
			if ('error' in voice) return setError(form, 'voice_id', voice.error);
			if (voice.id) form.data.voice_id = voice.id;
		}
		const moved = moveStep(form.data, form.data.step, form.data.direction);
		if (!moved.ok) {
			for (const [field, error] of Object.entries(moved.errors)) setError(form, field as 'relationship', error);
			return fail(400, { form });
		}
		form.data = { ...form.data, ...moved.values, step: moved.step };
		return { form };
	},

	/** The summary's "Versturen": every answer checked again, then the database checks the rules of the year. */
	send: async ({ request, locals }) => {
		const user = requireUser(locals);
		const form = await superValidate(request, zod4(applySchema));
		if (!form.valid) return fail(400, { form });
		const parsed = parseApplication({ ...form.data, carer_id: isUuid(form.data.carer_id) ? form.data.carer_id : user.id });
		if (!parsed.ok) {
			form.data.step = parsed.step;
			for (const [field, error] of Object.entries(parsed.errors)) setError(form, field as 'relationship', error);
			return fail(400, { form });
		}
		const sent = await apply(locals.db, user, parsed.data);
		if (!sent.ok) return setError(form, sent.error, { status: sent.status });
		redirect(303, `/mantelzorg/${sent.id}?verstuurd`);
	}
};
