// Where a person was going when they had to sign in first (a link from an e-mail, an invitation):
// /inloggen?terug=<path> keeps it in a short-lived cookie through the code and the welcome page,
// and the last of those steps goes there. Only a path on this site is kept, never another site.
import type { Cookies } from '@sveltejs/kit';
import { config } from '../config';

const RETURN_COOKIE = 'omzien_terug';
const RETURN_MAX_AGE_SECONDS = 30 * 60;
const BASE = 'http://omzien.invalid';

/** A path on this site (with its query), or null: no other site, no sign-in pages, nothing odd. */
export function safeReturnPath(value: string | null | undefined): string | null {
	if (!value || value.length > 500 || !value.startsWith('/') || /[\\\s\u0000-\u001f\u007f]/.test(value) || value.startsWith('//')) return null;
	let url: URL;
	try {
		url = new URL(value, BASE);
	} catch {
		return null;
	}
	if (url.origin !== BASE || /^\/(inloggen|uitloggen)(\/|$)/.test(url.pathname)) return null;
	return url.pathname + url.search;
}

/** The sign-in page for someone who wanted `path`. */
export function signInFor(path: string | null): string {
	const safe = safeReturnPath(path);
	return safe && safe !== '/' ? `/inloggen?terug=${encodeURIComponent(safe)}` : '/inloggen';
}

/** Keeps where to go after signing in; a sign-in without one forgets an older one. */
export function rememberReturn(cookies: Cookies, path: string | null): void {
	const safe = safeReturnPath(path);
	if (safe) cookies.set(RETURN_COOKIE, safe, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: RETURN_MAX_AGE_SECONDS });
	else takeReturn(cookies);
}

/** The remembered path (checked again), forgotten at once; or null. */
export function takeReturn(cookies: Cookies): string | null {
	const path = safeReturnPath(cookies.get(RETURN_COOKIE));
	if (cookies.get(RETURN_COOKIE) !== undefined) cookies.delete(RETURN_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
	return path;
}
