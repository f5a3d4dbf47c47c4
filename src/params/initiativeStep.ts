import type { ParamMatcher } from '@sveltejs/kit';
import { STEPS } from '$lib/schemas/initiatives';

export const match = ((param: string): param is (typeof STEPS)[number] => (STEPS as readonly string[]).includes(param)) satisfies ParamMatcher;
