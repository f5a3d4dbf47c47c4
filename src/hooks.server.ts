import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { startJobs, stopJobs } from '$lib/server/jobs';
import { SESSION_COOKIE, validateSessionToken, setSessionCookie, deleteSessionCookie } from '$lib/server/auth/session';
import { createAnonClient, createUserClient } from '$lib/server/db/clients';
import { LANGUAGE_COOKIE, isLanguage } from '$lib/i18n';
import { TEXT_SIZE_COOKIE } from '$lib/settings';
import { config } from '$lib/server/config';
import { devMailboxEnabled } from '$lib/server/mail';
import '$lib/server/domains';

/** Fills locals.user and locals.db. A missing, tampered or expired cookie means signed out. */
const handleSession: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	const validated = token ? await validateSessionToken(token).catch(() => null) : null;
	if (validated && token) {
		setSessionCookie(event.cookies, token); // sliding expiry
		event.locals.user = validated.user;
		event.locals.sessionId = validated.sessionId;
		event.locals.db = createUserClient(validated.user.id);
	} else {
		if (token) deleteSessionCookie(event.cookies);
		event.locals.user = null;
		event.locals.sessionId = null;
		event.locals.db = createAnonClient();
	}
	return resolve(event);
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

/** Security headers a municipal site should send. */
const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-frame-options', 'DENY');
	response.headers.set('permissions-policy', 'camera=(), geolocation=(), microphone=(self)');
	return response;
};

export const handle = sequence(handleSession, handleLanguage, handleHeaders);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return { message: status === 404 ? 'errors.not_found' : 'errors.server' };
};

/** Starts the job queue (reminders, digests) once the server runs; not while building. */
export const init: ServerInit = async () => {
	if (building) return;
	if (!config.smtpUrl && !devMailboxEnabled()) {
		console.error(`SMTP_URL is not set: ${config.origin} cannot send sign-in codes. See README.md, Configuration.`);
	}
	await startJobs(process.env.DATABASE_URL, process.env.ORIGIN ?? 'http://localhost:5180');
	// adapter-node closes the HTTP server on SIGTERM/SIGINT, then says so here; the queue's timers
	// would otherwise keep the process alive.
	process.once('sveltekit:shutdown' as 'exit', () => void stopJobs());
};
