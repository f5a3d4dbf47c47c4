import { z } from './zod';

export const FREQUENCIES = ['immediately', 'daily', 'never'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** How often a person hears about each kind of notification; the kinds are registered by the domains. */
export function preferencesSchema(kinds: readonly string[]) {
	const frequency = z.enum(FREQUENCIES, { error: 'errors.form' });
	return z.object(Object.fromEntries(kinds.map((kind) => [kind, frequency])) as Record<string, typeof frequency>);
}
