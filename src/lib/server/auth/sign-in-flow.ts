/** Carries the address from "send me a code" to "type your code"; never shown to scripts. */
export const SIGN_IN_EMAIL_COOKIE = 'omzien_signin_email';
