// Sessions after the current Lucia guide (lucia-auth.com/sessions): the cookie holds
// "<id>.<secret>", the table keeps only SHA-256(secret), compared in constant time.
import type { Cookies } from '@sveltejs/kit';
import { adminClient, unwrap, unwrapMaybe } from '../db/clients';
import { config } from '../config';
import { constantTimeEqual, generateSecureRandomString, sha256 } from './crypto';
import { fromBytea, toBytea } from '../db/bytea';
import { SessionCache, SessionListener } from './session-cache';

export const SESSION_COOKIE = 'omzien_session';
/** A session ends after 30 days without use; older people should not have to sign in every week. */
export const INACTIVITY_TIMEOUT_SECONDS = 60 * 60 * 24 * 30;
/** last_verified_at is written at most once an hour, not on every request. */
export const ACTIVITY_CHECK_INTERVAL_SECONDS = 60 * 60;

export type SessionUser = {
	id: string;
	displayName: string | null;
	areaId: string | null;
	language: 'nl' | 'en';
	email: string | null;
	onboarded: boolean;
	roles: { organisationId: string; role: 'volunteer' | 'coordinator' | 'officer' | 'admin' }[];
};

export type ValidatedSession = { sessionId: string; user: SessionUser };

/** This process's session cache (see session-cache.ts); off until startSessionListener() hears the database. */
export const sessionCache = new SessionCache(config.sessionCacheSeconds * 1000);
let listener: SessionListener | null = null;

/** Starts hearing ended sessions (needs DATABASE_URL); without it the cache stays off. */
export async function startSessionListener(databaseUrl: string | undefined): Promise<void> {
	if (listener || !databaseUrl || config.sessionCacheSeconds <= 0) return;
	listener = new SessionListener(databaseUrl, sessionCache);
	await listener.start();
}

export async function stopSessionListener(): Promise<void> {
	await listener?.stop();
	listener = null;
}

export async function createSession(userId: string): Promise<{ token: string; sessionId: string }> {
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	// Sessions are read before anyone is known to RLS, so only the admin client touches them.
	unwrap(
		await adminClient()
			.from('sessions')
			.insert({ id, secret_hash: toBytea(sha256(secret)), user_id: userId })
	);
	return { token: `${id}.${secret}`, sessionId: id };
}

/**
 * Returns the session and its user, or null for a missing, tampered or expired token: only when
 * the database says so. When it cannot be asked (an outage, a timeout) this throws, and the
 * caller must not read that as "signed out" (see hooks.server.ts).
 */
export async function validateSessionToken(token: string, cache: SessionCache = sessionCache): Promise<ValidatedSession | null> {
	const parts = token.split('.');
	if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
	const [id, secret] = parts;
	const secretHash = sha256(secret);
	const cached = cache.get(id, secretHash);
	if (cached) return cached;
	const ticket = cache.ticket();
	const validated = await validateWithDatabase(id, secretHash);
	if (validated) cache.set(validated, secretHash, ticket);
	return validated;
}

async function validateWithDatabase(id: string, secretHash: Uint8Array): Promise<ValidatedSession | null> {
	const db = adminClient(); // sessions table: RLS on, no policies
	// One round trip: the session with its person and their roles.
	const session = unwrapMaybe(
		await db
			.from('sessions')
			.select(
				'id, secret_hash, last_verified_at, profile:profiles(id, display_name, area_id, preferred_language, email, onboarded_at, memberships(organisation_id, role))'
			)
			.eq('id', id)
			.maybeSingle()
	);
	if (!session) return null;
	if (!constantTimeEqual(secretHash, fromBytea(session.secret_hash))) return null;

	const now = Date.now();
	const lastVerified = new Date(session.last_verified_at).getTime();
	if (now - lastVerified >= INACTIVITY_TIMEOUT_SECONDS * 1000) {
		await invalidateSession(id);
		return null;
	}
	if (now - lastVerified >= ACTIVITY_CHECK_INTERVAL_SECONDS * 1000) {
		// A failed bump is retried on the next request; it is no reason to refuse this one.
		await db.from('sessions').update({ last_verified_at: new Date(now).toISOString() }).eq('id', id);
	}

	const profile = session.profile;
	if (!profile) return null;
	return {
		sessionId: id,
		user: {
			id: profile.id,
			displayName: profile.display_name,
			areaId: profile.area_id,
			language: profile.preferred_language === 'en' ? 'en' : 'nl',
			email: profile.email,
			onboarded: profile.onboarded_at !== null,
			roles: (profile.memberships ?? []).map((m) => ({ organisationId: m.organisation_id, role: m.role }))
		}
	};
}

/** Ends a session; every instance drops it from its cache (the database announces it). */
export async function invalidateSession(sessionId: string): Promise<void> {
	sessionCache.forgetSession(sessionId);
	unwrap(await adminClient().from('sessions').delete().eq('id', sessionId));
	sessionCache.forgetSession(sessionId);
}

/** "Sign out everywhere". */
export async function invalidateAllSessions(userId: string): Promise<void> {
	sessionCache.forgetPerson(userId);
	unwrap(await adminClient().from('sessions').delete().eq('user_id', userId));
	sessionCache.forgetPerson(userId);
}

export function setSessionCookie(cookies: Cookies, token: string): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: config.secureCookies,
		maxAge: INACTIVITY_TIMEOUT_SECONDS
	});
}

export function deleteSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
}
