// The database's refusals in the carers' domain, as i18n keys and HTTP statuses.
import { isBadInput, isDuplicate, isMissing, isNotAllowed, isRefusedNow } from '../db/errors';

export type Refusal = { ok: false; status: 400 | 403 | 404 | 409; error: string };

/** A refusal from the database as an i18n key: our functions raise the key as their message. */
export function refusalOf(err: unknown): Refusal | null {
	const message = err instanceof Error ? err.message : '';
	const key = /carers\.errors\.[a-z_]+/.exec(message)?.[0];
	if (isDuplicate(err)) return { ok: false, status: 409, error: 'carers.errors.already_applied' };
	if (isMissing(err)) return { ok: false, status: 404, error: key ?? 'carers.errors.not_found' };
	if (isRefusedNow(err)) return { ok: false, status: 409, error: key ?? 'carers.errors.not_now' };
	if (isNotAllowed(err)) return { ok: false, status: 403, error: 'carers.errors.not_allowed' };
	if (isBadInput(err)) return { ok: false, status: 400, error: key ?? 'carers.errors.form' };
	return null;
}
