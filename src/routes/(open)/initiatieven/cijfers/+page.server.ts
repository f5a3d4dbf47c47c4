import type { PageServerLoad } from './$types';
import { readFigures } from '$lib/server/initiatives/answers';

// Public: how each municipality answers initiatives, for anyone, signed in or not.
export const load: PageServerLoad = async ({ locals }) => ({ figures: await readFigures(locals.db) });
