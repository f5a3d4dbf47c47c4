// How a route turns a domain's refusal into a superforms answer: the message next to its field
// (or above the form), the form's values kept, the HTTP status the domain chose. Files are never
// sent back (superforms' setError leaves them out).
import { fail, setError, type SuperValidated } from 'sveltekit-superforms';
import { adviseFields, SEND_ANYWAY } from '$lib/plain-language/advice';
import type { FieldRefusal } from '$lib/schemas/fields';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function refuse<T extends Record<string, unknown>>(form: SuperValidated<T, any>, refusal: FieldRefusal) {
	const options = { status: refusal.status } as const;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	return refusal.field ? setError(form, refusal.field as any, refusal.message, options) : setError(form, refusal.message, options);
}

/**
 * Plain-language tips before an officer's text goes out: at the first send of a text with tips
 * (not yet "Toch versturen"), the form comes back unsent with the tips per field, for the page
 * to show beside each field. Advice, not a block: with plain_ok=ja it lets the form through (null).
 */
export function adviseFirst<T extends Record<string, unknown> & { plain_ok: string }>(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	form: SuperValidated<T, any>,
	fields: readonly (keyof T & string)[]
) {
	if (form.data[SEND_ANYWAY] === 'ja') return null;
	const advice = adviseFields(form.data, fields);
	return advice ? fail(400, { form, advice }) : null;
}
