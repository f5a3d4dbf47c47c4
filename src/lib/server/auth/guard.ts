import { error, redirect } from '@sveltejs/kit';
import type { SessionUser } from './session';
import { getRequestEvent } from '$app/server';
import { DatabaseUnavailableError } from '../db/availability';
import { signInFor } from './return-path';

/**
 * Every load and action that needs a person calls this itself. While the database cannot say
 * who is signed in, the answer is "not available" (503), never the sign-in page.
 */
export function requireUser(locals: App.Locals, options: { allowUnfinishedOnboarding?: boolean } = {}): SessionUser {
	const user = locals.user;
	if (!user && locals.sessionUnknown) throw new DatabaseUnavailableError('the session could not be checked');
	if (!user) redirect(303, signInFor(pageAsked()));
	if (!user.onboarded && !options.allowUnfinishedOnboarding) redirect(303, '/welkom');
	return user;
}

/** The page the person asked for (a form's action left out), to come back to after signing in. */
function pageAsked(): string | null {
	try {
		const { url } = getRequestEvent();
		return url.search.startsWith('?/') ? url.pathname : url.pathname + url.search;
	} catch {
		return null; // not inside a request (a test calling a load directly)
	}
}

export type Role = SessionUser['roles'][number]['role'];

/** Whether the person has this role in any organisation. */
export function hasRole(user: SessionUser | null | undefined, role: Role): boolean {
	return !!user?.roles.some((r) => r.role === role);
}

export function requireCoordinator(locals: App.Locals): SessionUser {
	const user = requireUser(locals);
	if (!hasRole(user, 'coordinator')) error(403, 'coordination.onlyCoordinators');
	return user;
}

export function requireOfficer(locals: App.Locals): SessionUser {
	const user = requireUser(locals);
	if (!hasRole(user, 'officer')) error(403, 'municipality.onlyOfficers');
	return user;
}

/**
 * A same-site path to go back to after a form; anything else becomes the home page. Browsers read
 * a backslash as a slash and drop tabs and newlines, so "/\\evil.example" and "/\t/evil.example"
 * would leave the site: any backslash or control character is refused, and what is left must
 * resolve to this origin.
 */
export function safeReturnPath(value: unknown): string {
	if (typeof value !== 'string' || !value.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(value)) return '/';
	const base = 'http://omzien.invalid';
	let url: URL;
	try {
		url = new URL(value, base);
	} catch {
		return '/';
	}
	if (url.origin !== base) return '/';
	return `${url.pathname}${url.search}${url.hash}`;
}

/** An id from a URL or form: checked before it reaches the database. */
export function isUuid(value: string): boolean {
	return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
