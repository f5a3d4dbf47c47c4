// How a route turns a domain's refusal into a superforms answer: the message next to its field
// (or above the form), the form's values kept, the HTTP status the domain chose. Files are never
// sent back (superforms' setError leaves them out).
import { setError, type SuperValidated } from 'sveltekit-superforms';
import type { FieldRefusal } from '$lib/schemas/fields';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function refuse<T extends Record<string, unknown>>(form: SuperValidated<T, any>, refusal: FieldRefusal) {
	const options = { status: refusal.status } as const;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	return refusal.field ? setError(form, refusal.field as any, refusal.message, options) : setError(form, refusal.message, options);
}
