import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { config } from '../config';
import { accessTokenFor } from './jwt';
import type { Database } from './types';
import { DatabaseUnavailableError, fetchWithTimeout, isOutageResult } from './availability';

export type Db = SupabaseClient<Database>;

const noSession = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false };
/** Every call to PostgREST ends within a few seconds (see availability.ts). */
const global = { fetch: fetchWithTimeout };

/** supabase-js as a signed-in person: RLS sees auth.uid() through a JWT made for them (jwt.ts). */
export function createUserClient(userId: string): Db {
	return createClient<Database>(config.supabaseUrl, config.supabaseAnonKey, {
		accessToken: () => accessTokenFor(userId),
		global
	});
}

/** supabase-js as nobody in particular (role anon). */
export function createAnonClient(): Db {
	return createClient<Database>(config.supabaseUrl, config.supabaseAnonKey, { auth: noSession, global });
}

let admin: Db | null = null;

/**
 * The service-role client bypasses RLS. Import it only where that is the point
 * (sessions, sign-in codes, scheduled jobs) and say why at each use.
 */
export function adminClient(): Db {
	admin ??= createClient<Database>(config.supabaseUrl, config.supabaseServiceRoleKey, { auth: noSession, global });
	return admin;
}

type DbResult = { data: unknown; error: { message: string; code?: string } | null; status?: number };

/**
 * Turns a supabase-js { error } into a thrown error, so callers only handle data. No answer at
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
