import type { PageServerLoad } from './$types';
import { readAccountability } from '$lib/server/initiatives/answers';

// Public: how each municipality answers initiatives, for anyone, signed in or not; per team and
// kind for the quarter in the address (?kwartaal=2026-4), the newest without one.
export const load: PageServerLoad = async ({ locals, url }) => readAccountability(locals.db, url.searchParams.get('kwartaal'));
