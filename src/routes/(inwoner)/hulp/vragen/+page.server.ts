import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { listCategories } from '$lib/server/help/requests';
import { ask, saveDraftRecording } from '$lib/server/help/lifecycle';
import { listAreas, readProfile } from '$lib/server/people';
import { ASK_STEPS, askSchema, askSteps, type AskStep } from '$lib/schemas/help';
import { uploadedFile } from '$lib/server/voice/store';

const FIELDS = ['submission_id', 'requester_id', 'category_id', 'description', 'voice_id', 'area_id', 'address', 'when_kind', 'when_date', 'when_note'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

function readValues(form: FormData): Values {
	return Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? '')])) as Values;
}

function errorsOf(issues: { path: PropertyKey[]; message: string }[]) {
	return Object.fromEntries(issues.map((i) => [String(i.path[0]), i.message]));
}

/** For a coordinator: the resident they ask for (RLS: only people in their areas). */
async function residentFor(locals: App.Locals, id: string | null) {
	if (!id) return null;
	const resident = /^[0-9a-f-]{36}$/i.test(id) ? await readProfile(locals.db, id) : null;
	if (!resident || !resident.created_by) error(404, 'errors.not_found');
	return { id: resident.id, name: resident.display_name ?? '', areaId: resident.area_id };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals);
	const resident = await residentFor(locals, url.searchParams.get('voor'));
	const initial: Values = {
		submission_id: randomUUID(),
		requester_id: resident?.id ?? '',
		category_id: '',
		description: '',
		voice_id: '',
		area_id: resident?.areaId ?? user.areaId ?? '',
		address: '',
		when_kind: 'asap',
		when_date: '',
		when_note: ''
	};
	return { initial, resident, categories: await listCategories(locals.db), areas: await listAreas(locals.db) };
};

export const actions: Actions = {
	/** Checks the question on screen and moves to the next one (or back). */
	step: async ({ request, locals }) => {
		const user = requireUser(locals);
		const form = await request.formData();
		const values = readValues(form);
		// A recording (from the recorder or the phone's own) is saved as a draft right away.
		const voice = uploadedFile(form.get('voice'));
		if (voice && form.get('step') === 'description') {
			const saved = await saveDraftRecording(locals.db, user, voice);
			if (!saved.ok) return fail(400, { step: 'description' as const, values, errors: { voice: saved.error } });
			values.voice_id = saved.id;
		}
		const step = String(form.get('step')) as AskStep | 'summary';
		const index = step === 'summary' ? ASK_STEPS.length : ASK_STEPS.indexOf(step);
		if (index < 0) return fail(400, { step: 'category' as const, values, errors: {} });
		if (form.get('direction') === 'back') {
			return { step: ASK_STEPS[Math.max(0, index - 1)], values, errors: {} };
		}
		const schema = askSteps[step as AskStep];
		const result = schema.safeParse(values);
		if (!result.success) return fail(400, { step, values, errors: errorsOf(result.error.issues) });
		return { step: ASK_STEPS[index + 1] ?? ('summary' as const), values, errors: {} };
	},

	/** The summary's "Hulp vragen": checks everything again and saves it once. */
	send: async ({ request, locals, url }) => {
		const user = requireUser(locals);
		const values = readValues(await request.formData());
		const result = askSchema.safeParse({ ...values, requester_id: values.requester_id || undefined });
		if (!result.success) {
			const errors = errorsOf(result.error.issues);
			const firstBad = ASK_STEPS.find((s) => Object.keys(askSteps[s].shape ?? {}).some((f) => f in errors)) ?? 'when';
			return fail(400, { step: firstBad, values, errors });
		}
		const asked = await ask(locals.db, user, result.data, url.origin);
		if ('status' in asked) return fail(asked.status, { step: asked.step, values, errors: asked.errors });
		redirect(303, `/hulp/${asked.id}?gevraagd`);
	}
};
