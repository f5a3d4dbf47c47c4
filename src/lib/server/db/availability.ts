// When the database is away (Postgres stopped, PostgREST not answering), every call fails within
// a few seconds with one named error, and the page becomes a plain 503 instead of a long wait,
// a wrong "signed out" or a 500. See hooks.server.ts for what a person then sees.
import { AsyncLocalStorage } from 'node:async_hooks';
import { errors } from 'undici';
import { config } from '../config';
import { restRequest, type RestAnswer, type RestCall } from './rest-transport';

/**
 * The database did not answer (in time). Named "AbortError" on purpose: postgrest-js retries a
 * GET that failed in any other way three times with 1, 2 and 4 s pauses, which would turn a
 * few seconds into fifteen; an abort it hands back at once.
 */
export class DatabaseUnavailableError extends Error {
	override readonly name = 'AbortError';
	readonly unavailable = true;
	constructor(reason = 'the database is not available') {
		super(reason);
	}
}

export function isDatabaseUnavailable(err: unknown): err is DatabaseUnavailableError {
	return err instanceof DatabaseUnavailableError || (typeof err === 'object' && err !== null && (err as { unavailable?: unknown }).unavailable === true);
}

/** What one request learned about the database; read by hooks.server.ts. */
export type RequestDbState = { unavailable: boolean };
const requestState = new AsyncLocalStorage<RequestDbState>();

/** Runs one request with its own record of whether the database answered. */
export function withRequestDbState<T>(fn: () => T): { state: RequestDbState; result: T } {
	const state: RequestDbState = { unavailable: false };
	return { state, result: requestState.run(state, fn) };
}

/** Whether this request has already met an unavailable database. */
export function databaseUnavailableInThisRequest(): boolean {
	return requestState.getStore()?.unavailable === true;
}

/** Once one request has met an outage, others fail at once for a short while instead of each waiting. */
const QUICK_FAIL_MS = 2000;
let lastOutageAt = 0;

function noteOutage(): void {
	lastOutageAt = Date.now();
	const state = requestState.getStore();
	if (state) state.unavailable = true;
}

/** PostgREST answers 503 (PGRST000–PGRST003) while it cannot reach Postgres; a gateway 502/504. */
const OUTAGE_STATUSES = new Set([502, 503, 504]);

/**
 * One call to PostgREST for postgrest-js: it ends within config.dbTimeoutMs, and "no answer"
 * becomes a DatabaseUnavailableError (which postgrest-js passes on as an error with status 0).
 */
export async function callRest(url: string, call: Omit<RestCall, 'timeoutMs'>): Promise<RestAnswer> {
	if (databaseUnavailableInThisRequest() || Date.now() - lastOutageAt < QUICK_FAIL_MS) {
		// Only a real failed try moves lastOutageAt: the database gets tried again after 2 s.
		const state = requestState.getStore();
		if (state) state.unavailable = true;
		throw new DatabaseUnavailableError('the database did not answer a moment ago');
	}
	let answer: RestAnswer;
	try {
		answer = await restRequest(url, { ...call, timeoutMs: config.dbTimeoutMs });
	} catch (err) {
		if (call.signal?.aborted) throw err; // the caller gave up; not an outage
		noteOutage();
		const timedOut = err instanceof errors.HeadersTimeoutError || err instanceof errors.BodyTimeoutError;
		throw new DatabaseUnavailableError(timedOut ? `no answer within ${config.dbTimeoutMs} ms` : String((err as Error)?.message ?? err));
	}
	if (OUTAGE_STATUSES.has(answer.status)) {
		noteOutage();
		throw new DatabaseUnavailableError(`the database answered ${answer.status}`);
	}
	return answer;
}

/** supabase-js results with status 0 never got an answer: that is an outage, not a refusal. */
export function isOutageResult(result: { error: unknown; status?: number }): boolean {
	return !!result.error && (result.status === 0 || databaseUnavailableInThisRequest());
}
