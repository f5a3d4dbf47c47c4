// What a refusal from Postgres means, by name, so no caller reads SQLSTATE codes itself.
// Our SQL raises 42501 for "not you", P0001 for "not now" (a rule of the lifecycle) and P0002
// for "no such thing"; constraints and casts raise the others.

function codeOf(err: unknown): string | undefined {
	return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/** RLS or one of our functions said this person may not do this. */
export const isNotAllowed = (err: unknown) => codeOf(err) === '42501';

/** A rule said not now (e.g. the request is no longer open). */
export const isRefusedNow = (err: unknown) => codeOf(err) === 'P0001';

/** The thing acted on does not exist (or is not visible). */
export const isMissing = (err: unknown) => codeOf(err) === 'P0002';

/** Done before: a unique constraint. */
export const isDuplicate = (err: unknown) => codeOf(err) === '23505';

/** Input the database could not take: a bad value, a failed check. */
export const isBadInput = (err: unknown) => ['22P02', '22023', '23514', '22001'].includes(codeOf(err) ?? '');

/** A reference to something that does not exist (a foreign key). */
export const isUnknownReference = (err: unknown) => codeOf(err) === '23503';
