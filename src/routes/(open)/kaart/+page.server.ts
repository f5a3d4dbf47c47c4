import { redirect } from '@sveltejs/kit';
import { fail, setError, superValidate, withFiles } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { mapSearchSchema, voiceSearchSchema } from '$lib/schemas/social-map';
import { listTopics, searchServices, wordsFromRecording } from '$lib/server/social-map';
import { listAreas } from '$lib/server/people';

const SEARCH_KEYS = ['q', 'route', 'topic', 'free', 'age', 'open', 'accessible', 'area', 'near'];
const voiceForm = zod4(voiceSearchSchema);

export const load: PageServerLoad = async ({ locals, url }) => {
	const raw = Object.fromEntries([...url.searchParams].filter(([k, v]) => SEARCH_KEYS.includes(k) && v !== ''));
	const search = mapSearchSchema.parse(raw);
	const searched = Object.keys(raw).length > 0;
	const [topics, areas, results, voice] = await Promise.all([
		listTopics(locals.db),
		listAreas(locals.db),
		searched ? searchServices(locals.db, search, locals.user?.areaId) : Promise.resolve(null),
		superValidate(voiceForm)
	]);
	return { search, topics, areas, results, nearFrom: search.area ?? locals.user?.areaId ?? null, voice };
};

export const actions: Actions = {
	/** "Zoek met uw stem": what was said becomes the search words. */
	spoken: async ({ request }) => {
		const form = await superValidate(request, voiceForm);
		if (!form.valid) return fail(400, withFiles({ form }));
		const heard = await wordsFromRecording(form.data.voice);
		if ('error' in heard) return setError(form, 'voice', heard.error, { status: heard.error.startsWith('voice.') ? 400 : 503 });
		redirect(303, `/kaart?q=${encodeURIComponent(heard.words)}`);
	}
};
