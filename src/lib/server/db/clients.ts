import { PostgrestClient } from '@supabase/postgrest-js';
import { config } from '../config';
import { accessTokenFor } from './jwt';
import type { Database } from './types';
import { DatabaseUnavailableError, callRest, isOutageResult } from './availability';

// Only PostgREST is used (no Supabase Auth, Realtime or Storage), so a PostgrestClient from
// postgrest-js, the part of supabase-js that talks to it, with the same from()/rpc() API. A full
// SupabaseClient per request also built a realtime and a storage client and signed the person's
// token at once; this one asks for the token only when a request goes out.
export type Db = PostgrestClient<Database>;

/**
 * PostgREST's address: POSTGREST_URL where PostgREST runs beside Postgres without a gateway (the
 * local stack gives its own), else the Supabase project's <SUPABASE_URL>/rest/v1.
 */
function restUrl(): string {
	if (config.postgrestUrl) return config.postgrestUrl;
	return new URL('rest/v1', config.supabaseUrl.endsWith('/') ? config.supabaseUrl : `${config.supabaseUrl}/`).href;
}

/** What postgrest-js passes to its fetch. */
type PostgrestFetchInit = { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal };

/**
 * A client that sends `apikey` and `Authorization: Bearer <token>` on every call. Every call ends
 * within a few seconds and is never retried (see availability.ts): an outage is answered at once.
 */
function restClient(apiKey: string, token: () => string | Promise<string>): Db {
	return new PostgrestClient<Database>(restUrl(), {
		headers: { apikey: apiKey },
		retry: false,
		// postgrest-js hands its fetch a URL string and plain headers with lower-case names, and reads
		// only ok, status, statusText, headers.get() and text() of the answer (see rest-transport.ts).
		fetch: (async (url: string, init: PostgrestFetchInit) => {
			const headers: Record<string, string> = init.headers.authorization ? init.headers : { ...init.headers, authorization: `Bearer ${await token()}` };
			return callRest(url, { method: init.method, headers, body: init.body, signal: init.signal });
		}) as unknown as typeof fetch
	});
}

/** As a signed-in person: RLS sees auth.uid() through a JWT made for them (jwt.ts), when first needed. */
export function createUserClient(userId: string): Db {
	return restClient(config.supabaseAnonKey, () => accessTokenFor(userId));
}

/** As nobody in particular (role anon). */
export function createAnonClient(): Db {
	return restClient(config.supabaseAnonKey, () => config.supabaseAnonKey);
}

let admin: Db | null = null;

/**
 * The service-role client bypasses RLS. Import it only where that is the point
 * (sessions, sign-in codes, scheduled jobs) and say why at each use.
 */
export function adminClient(): Db {
	admin ??= restClient(config.supabaseServiceRoleKey, () => config.supabaseServiceRoleKey);
	return admin;
}

type DbResult = { data: unknown; error: { message: string; code?: string } | null; status?: number };

/**
 * Turns a postgrest-js { error } into a thrown error, so callers only handle data. No answer at
 * all is a DatabaseUnavailableError (a 503 page), never a refusal.
 */
export function unwrap<R extends DbResult>(result: R): Exclude<R['data'], null> {
	if (isOutageResult(result)) throw new DatabaseUnavailableError(result.error?.message);
	if (result.error) throw new DbError(result.error.message, result.error.code, (result.error as { details?: string }).details);
	return result.data as Exclude<R['data'], null>;
}

/** The same for .maybeSingle(): no row is an answer, not an error. */
export function unwrapMaybe<R extends DbResult>(result: R): R['data'] {
	if (isOutageResult(result)) throw new DatabaseUnavailableError(result.error?.message);
	if (result.error) throw new DbError(result.error.message, result.error.code, (result.error as { details?: string }).details);
	return result.data;
}

export class DbError extends Error {
	constructor(
		message: string,
		readonly code?: string,
		readonly details?: string
	) {
		super(details ? `${message} (${details})` : message);
	}
}
