import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { hasRole, isUuid, requireUser } from '$lib/server/auth/guard';
import { readProfile } from '$lib/server/people';
import { apply, thisYear } from '$lib/server/carers';
import { APPLY_FIELDS, moveStep, parseApplication, type ApplyValues } from '$lib/schemas/carers';
import { keepDraft, uploadedFile } from '$lib/server/voice/store';

function readValues(form: FormData): ApplyValues {
	return Object.fromEntries(APPLY_FIELDS.map((f) => [f, String(form.get(f) ?? '')])) as ApplyValues;
}

/** ?voor=<id>: a coordinator applies for a resident after a phone call (RLS: only people in their areas; logged). */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals);
	const { settings, amountCents } = await thisYear(locals.db, user);
	if (!settings) redirect(303, '/mantelzorg');
	const voor = url.searchParams.get('voor') ?? '';
	const resident = hasRole(user, 'coordinator') && isUuid(voor) ? await readProfile(locals.db, voor) : null;
	const initial = { ...(Object.fromEntries(APPLY_FIELDS.map((f) => [f, ''])) as ApplyValues), carer_id: resident?.id ?? user.id };
	return { initial, settings, amountCents, residentName: resident?.display_name ?? null };
};

export const actions: Actions = {
	/** Checks the question on screen and moves to the next one (or back). A recording is saved as a draft at once. */
	step: async ({ request, locals }) => {
		const user = requireUser(locals);
		const form = await request.formData();
		const values = readValues(form);
		const step = String(form.get('step'));
		if (step === 'extra') {
			const voice = await keepDraft(locals.db, uploadedFile(form.get('voice')));
			if ('error' in voice) return fail(400, { step, values, errors: { voice: voice.error } });
			if (voice.id) values.voice_id = voice.id;
		}
		const moved = moveStep(values, step, form.get('direction') === 'back' ? 'back' : 'next');
		if (!moved.ok) return fail(400, { step: moved.step, values, errors: moved.errors });
		return { step: moved.step, values: moved.values, errors: {} };
	},

	/** The summary's "Versturen": every answer checked again, then the database checks the rules of the year. */
	send: async ({ request, locals }) => {
		const user = requireUser(locals);
		const values = readValues(await request.formData());
		const parsed = parseApplication({ ...values, carer_id: isUuid(values.carer_id) ? values.carer_id : user.id });
		if (!parsed.ok) return fail(400, { step: parsed.step, values, errors: parsed.errors });
		const sent = await apply(locals.db, user, parsed.data);
		if (!sent.ok) return fail(sent.status, { step: 'summary', values, errors: { form: sent.error } });
		redirect(303, `/mantelzorg/${sent.id}?verstuurd`);
	}
};
