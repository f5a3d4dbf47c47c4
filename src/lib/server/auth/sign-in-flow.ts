// The three steps a person takes in the browser: ask for a code, type it, sign out. Each
// route calls one of these; the cookies they set are part of the step.
import type { Cookies } from '@sveltejs/kit';
import type { Language } from '$lib/i18n';
import { config } from '../config';
import { requestSignInCode, verifySignInCode, type RequestCodeResult, type VerifyCodeResult } from './sign-in-code';
import { createSession, deleteSessionCookie, invalidateAllSessions, invalidateSession, setSessionCookie } from './session';

/** Carries the address from "send me a code" to "type your code"; never shown to scripts. */
export const SIGN_IN_EMAIL_COOKIE = 'omzien_signin_email';

/** The address that asked for a code on this browser, if any. */
export function pendingSignInEmail(cookies: Cookies): string | undefined {
	return cookies.get(SIGN_IN_EMAIL_COOKIE);
}

/** Sends a code and remembers the address for the next page (only when the mail went out). */
export async function startSignIn(cookies: Cookies, email: string, ip: string, language: Language): Promise<RequestCodeResult> {
	const result = await requestSignInCode(email, ip, language);
	if (result.ok) {
		cookies.set(SIGN_IN_EMAIL_COOKIE, email, {
			path: '/inloggen',
			httpOnly: true,
			sameSite: 'lax',
			secure: config.secureCookies,
			maxAge: 15 * 60
		});
	}
	return result;
}

export type FinishSignInResult = { ok: true; isNewUser: boolean } | Exclude<VerifyCodeResult, { ok: true }>;

/** Checks the code; when it is right, starts a session and forgets the pending address. */
export async function finishSignIn(cookies: Cookies, email: string, code: string): Promise<FinishSignInResult> {
	const result = await verifySignInCode(email, code);
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
