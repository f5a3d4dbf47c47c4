import { error, redirect } from '@sveltejs/kit';
import type { SessionUser } from './session';

/** Every load and action that needs a person calls this itself. */
export function requireUser(locals: App.Locals, options: { allowUnfinishedOnboarding?: boolean } = {}): SessionUser {
	const user = locals.user;
	if (!user) redirect(303, '/inloggen');
	if (!user.onboarded && !options.allowUnfinishedOnboarding) redirect(303, '/welkom');
	return user;
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

/** A same-site path to go back to after a form; anything else becomes the home page. */
export function safeReturnPath(value: unknown): string {
	return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

/** An id from a URL or form: checked before it reaches the database. */
export function isUuid(value: string): boolean {
	return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
