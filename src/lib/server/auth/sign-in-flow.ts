// The three steps a person takes in the browser: ask for a code, type it, sign out. Each
// route calls one of these; the cookies they set are part of the step.
import type { Cookies } from '@sveltejs/kit';
import type { Language } from '$lib/i18n';
import { config } from '../config';
import { requestSignInCode, verifySignInCode, type RequestCodeResult, type VerifyCodeResult } from './sign-in-code';
import { createSession, deleteSessionCookie, invalidateAllSessions, invalidateSession, setSessionCookie } from './session';
import { seal, unseal } from './crypto';
import { isUuid } from './guard';

/**
 * Carries the address and the id of this browser's code from "send me a code" to "type your
 * code". Sealed (AES-GCM with a key from AUTH_SECRET): a browser cannot read it, change it, or
 * make one for an address it did not ask a code for; never shown to scripts.
 */
export const SIGN_IN_EMAIL_COOKIE = 'omzien_signin';
const COOKIE_PURPOSE = 'sign-in cookie';
const COOKIE_MAX_AGE_SECONDS = 15 * 60;

type PendingSignIn = { email: string; codeId: string; until: number };

function pendingSignIn(cookies: Cookies): PendingSignIn | null {
	const pending = unseal<PendingSignIn>(config.authSecret, COOKIE_PURPOSE, cookies.get(SIGN_IN_EMAIL_COOKIE));
	if (!pending || typeof pending.email !== 'string' || !isUuid(String(pending.codeId)) || !(pending.until > Date.now())) return null;
	return pending;
}

/** The address that asked for a code on this browser, if any. */
export function pendingSignInEmail(cookies: Cookies): string | undefined {
	return pendingSignIn(cookies)?.email;
}

/** Sends a code and remembers the address for the next page (only when the mail went out). */
export async function startSignIn(cookies: Cookies, email: string, ip: string, language: Language): Promise<RequestCodeResult> {
	const result = await requestSignInCode(email, ip, language);
	if (result.ok) {
		const pending: PendingSignIn = { email, codeId: result.codeId, until: Date.now() + COOKIE_MAX_AGE_SECONDS * 1000 };
		cookies.set(SIGN_IN_EMAIL_COOKIE, seal(config.authSecret, COOKIE_PURPOSE, pending), {
			path: '/inloggen',
			httpOnly: true,
			sameSite: 'lax',
			secure: config.secureCookies,
			maxAge: COOKIE_MAX_AGE_SECONDS
		});
	}
	return result;
}

export type FinishSignInResult = { ok: true; isNewUser: boolean } | Exclude<VerifyCodeResult, { ok: true }>;

/** Checks the code this browser asked for; when it is right, starts a session and forgets the pending sign-in. */
export async function finishSignIn(cookies: Cookies, email: string, code: string): Promise<FinishSignInResult> {
	const pending = pendingSignIn(cookies);
	if (!pending || pending.email !== email) return { ok: false, reason: 'expired' };
	const result = await verifySignInCode(pending.codeId, email, code);
	if (!result.ok) return result;
	const { token } = await createSession(result.userId);
	setSessionCookie(cookies, token);
	cookies.delete(SIGN_IN_EMAIL_COOKIE, { path: '/inloggen' });
	return { ok: true, isNewUser: result.isNewUser };
}

/** Ends this session, or (everywhere) every session of the person. */
export async function signOut(locals: App.Locals, cookies: Cookies, options: { everywhere?: boolean } = {}): Promise<void> {
	if (options.everywhere) {
		if (locals.user) await invalidateAllSessions(locals.user.id);
	} else if (locals.sessionId) {
		await invalidateSession(locals.sessionId);
	}
	deleteSessionCookie(cookies);
}
