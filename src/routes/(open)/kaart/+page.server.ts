import type { PageServerLoad } from './$types';
import { mapSearchSchema } from '$lib/schemas/social-map';
import { listTopics, searchServices } from '$lib/server/social-map';
import { listAreas } from '$lib/server/people';

const SEARCH_KEYS = ['q', 'route', 'topic', 'free', 'age', 'open', 'accessible', 'area', 'near'];

export const load: PageServerLoad = async ({ locals, url }) => {
	const raw = Object.fromEntries([...url.searchParams].filter(([k, v]) => SEARCH_KEYS.includes(k) && v !== ''));
	const search = mapSearchSchema.parse(raw);
	const searched = Object.keys(raw).length > 0;
	const [topics, areas, results] = await Promise.all([
		listTopics(locals.db),
		listAreas(locals.db),
		searched ? searchServices(locals.db, search, locals.user?.areaId) : Promise.resolve(null)
	]);
	return { search, topics, areas, results, nearFrom: search.area ?? locals.user?.areaId ?? null };
};
