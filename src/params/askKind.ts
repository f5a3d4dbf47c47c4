import type { ParamMatcher } from '@sveltejs/kit';
import { ASK_KINDS } from '$lib/schemas/initiatives';

export const match = ((param: string): param is (typeof ASK_KINDS)[number] => (ASK_KINDS as readonly string[]).includes(param)) satisfies ParamMatcher;
