import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { startJobs, stopJobs } from '$lib/server/jobs';
import {
	SESSION_COOKIE,
	validateSessionToken,
	setSessionCookie,
	deleteSessionCookie,
	sessionCache,
	startSessionListener,
	stopSessionListener
} from '$lib/server/auth/session';
import { createAnonClient, createUserClient } from '$lib/server/db/clients';
import { databaseUnavailableInThisRequest, isDatabaseUnavailable, withRequestDbState } from '$lib/server/db/availability';
import { LANGUAGE_COOKIE, isLanguage } from '$lib/i18n';
import { TEXT_SIZE_COOKIE } from '$lib/settings';
import { config } from '$lib/server/config';
import { devMailboxEnabled } from '$lib/server/mail';
import { addSecurityHeadersToEveryResponse, baseSecurityHeaders, DYNAMIC_CACHE_CONTROL } from '$lib/server/security-headers';
import { isSignedVoiceRequest, signPlayersInPage } from '$lib/server/voice/signed-url';
import { audibleVoiceIds } from '$lib/server/voice/store';
import { keepPage, keptPage, publicPageKey } from '$lib/server/public-pages';
import '$lib/server/domains';

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i;

/**
 * While the database is away, a page that needs it answers 503 with a plain message (within a
 * few seconds: see db/availability.ts), and a posted form comes back with what was typed.
 */
const handleOutage: Handle = async ({ event, resolve }) => {
	if (event.request.method === 'POST' && FORM_TYPES.test(event.request.headers.get('content-type') ?? '')) {
		event.locals.postedForm = event.request.clone();
	}
	const { state, result } = withRequestDbState(() => resolve(event));
	const response = await result;
	if (!state.unavailable) return response;
	const headers = new Headers(response.headers);
	headers.set('retry-after', '120');
	headers.set('cache-control', 'no-store');
	// __data.json carries a failed load inside a 200; the browser's router reads a non-2xx answer's
	// JSON as the error itself, and so shows the plain message.
	if (event.isDataRequest) {
		await response.body?.cancel();
		headers.delete('content-length');
		headers.set('content-type', 'application/json');
		return new Response(JSON.stringify({ message: 'errors.unavailable' } satisfies App.Error), { status: 503, headers });
	}
	if (response.status < 500) return response;
	return new Response(response.body, { status: 503, statusText: 'Service Unavailable', headers });
};

/** The home page and the accessibility statement for anyone not signed in: rendered once, kept briefly (public-pages.ts). */
const handlePublicPages: Handle = async ({ event, resolve }) => {
	const key = publicPageKey(event);
	if (!key) return resolve(event);
	return keptPage(key) ?? keepPage(key, await resolve(event));
};

/**
 * Fills locals.user and locals.db. A missing, tampered or expired cookie means signed out; the
 * cookie is deleted only when the database says so. If it cannot be asked (an outage), the
 * cookie stays and the person is unknown for this request: pages that need them answer 503.
 */
const handleSession: Handle = async ({ event, resolve }) => {
	// A signed voice address says itself who may listen: no session is looked up for it.
	const token = isSignedVoiceRequest(event.url) ? undefined : event.cookies.get(SESSION_COOKIE);
	event.locals.sessionUnknown = false;
	let validated = null;
	if (token) {
		try {
			validated = await validateSessionToken(token);
		} catch (err) {
			if (!isDatabaseUnavailable(err)) console.error('[session] could not be checked:', err);
			event.locals.sessionUnknown = true;
		}
	}
	if (validated && token) {
		setSessionCookie(event.cookies, token); // sliding expiry
		event.locals.user = validated.user;
		event.locals.sessionId = validated.sessionId;
		event.locals.db = createUserClient(validated.user.id);
	} else {
		if (token && !event.locals.sessionUnknown) deleteSessionCookie(event.cookies);
		event.locals.user = null;
		event.locals.sessionId = null;
		event.locals.db = createAnonClient();
	}
	if (event.request.method === 'GET' || event.request.method === 'HEAD' || !validated) return resolve(event);
	// A posted form may change what the session carries (onboarding, name, language): the next
	// page asks the database again, here at once; other instances hear it from the database.
	try {
		return await resolve(event);
	} finally {
		sessionCache.forgetSession(validated.sessionId);
	}
};

/**
 * Voice players on a page for a signed-in person get a short-lived signed address (see
 * voice/signed-url.ts), so listening needs no session lookup. Pages rendered in the browser keep
 * /stem/<id>, which asks the session.
 */
const handleVoiceAddresses: Handle = async ({ event, resolve }) => {
	const user = event.locals.user;
	if (!user) return resolve(event);
	const db = event.locals.db;
	return resolve(event, {
		transformPageChunk: ({ html }) => signPlayersInPage(html, user.id, (ids) => audibleVoiceIds(db, ids))
	});
};

/** The reader's language (profile, else cookie, else Dutch) and text size, set on <html>. */
const handleLanguage: Handle = async ({ event, resolve }) => {
	const cookieLang = event.cookies.get(LANGUAGE_COOKIE);
	event.locals.lang = event.locals.user?.language ?? (isLanguage(cookieLang) ? cookieLang : 'nl');
	event.locals.largeText = event.cookies.get(TEXT_SIZE_COOKIE) === 'large';
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html
				.replace('%omzien.lang%', event.locals.lang)
				.replace('%omzien.htmlclass%', event.locals.largeText ? 'large-text' : '')
	});
};

/**
 * Security headers (the list is in security-headers.ts; the CSP comes from kit.csp). Pages and
 * their __data.json are never cached: they can show a person's data. HTML says its charset.
 */
const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of baseSecurityHeaders()) response.headers.set(name, value);
	if (!response.headers.has('cache-control')) response.headers.set('cache-control', DYNAMIC_CACHE_CONTROL);
	const type = response.headers.get('content-type');
	if (type && /^text\/html\s*$/i.test(type)) response.headers.set('content-type', 'text/html; charset=utf-8');
	return response;
};

export const handle = sequence(handleOutage, handlePublicPages, handleSession, handleVoiceAddresses, handleLanguage, handleHeaders);

const MAX_KEPT_FIELDS = 60;
const MAX_KEPT_LENGTH = 20_000;

/** What was typed in a form that could not be saved: text fields only (files cannot be handed back). */
async function unsavedForm(event: RequestEvent): Promise<App.Error['unsaved']> {
	const copy = event.locals.postedForm;
	if (!copy) return undefined;
	const form = await copy.formData().catch(() => null);
	if (!form) return undefined;
	const fields: { name: string; value: string }[] = [];
	let hadFiles = false;
	for (const [name, value] of form) {
		if (typeof value !== 'string') hadFiles ||= value.size > 0;
		else if (fields.length < MAX_KEPT_FIELDS) fields.push({ name: name.slice(0, 200), value: value.slice(0, MAX_KEPT_LENGTH) });
	}
	return { action: `${event.url.pathname}${event.url.search}`, fields, hadFiles };
}

export const handleError: HandleServerError = async ({ error, event, status }) => {
	if (isDatabaseUnavailable(error) || databaseUnavailableInThisRequest()) {
		console.warn(`[db] not available: ${event.request.method} ${event.url.pathname} answered 503`);
		return { message: 'errors.unavailable', unsaved: await unsavedForm(event) };
	}
	if (status !== 404) console.error(error);
	return { message: status === 404 ? 'errors.not_found' : 'errors.server' };
};

/** Starts the job queue (reminders, digests) once the server runs; not while building. */
export const init: ServerInit = async () => {
	if (building) return;
	addSecurityHeadersToEveryResponse();
	if (!config.smtpUrl && !devMailboxEnabled()) {
		console.error(`SMTP_URL is not set: ${config.origin} cannot send sign-in codes. See README.md, Configuration.`);
	}
	await startSessionListener(process.env.DATABASE_URL);
	await startJobs(process.env.DATABASE_URL, process.env.ORIGIN ?? 'http://localhost:5180');
	// adapter-node closes the HTTP server on SIGTERM/SIGINT, then says so here; the queue's timers
	// would otherwise keep the process alive.
	process.once('sveltekit:shutdown' as 'exit', () => void Promise.all([stopJobs(), stopSessionListener()]));
};
