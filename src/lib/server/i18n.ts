// Translations on the server (e-mails), from the same part files as the pages.
import type { Cookies } from '@sveltejs/kit';
import { messages } from '$lib/i18n/messages';
import type { Language } from '$lib/i18n/languages';
import { config } from './config';

export function translate(language: Language, key: string, values: Record<string, string | number> = {}): string {
	const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages[language]);
	const text = typeof found === 'string' ? found : key;
	return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? `{${name}}`));
}

const YEAR_SECONDS = 60 * 60 * 24 * 365;

/** Reader settings (language, text size) are kept a year; Secure when the site runs on https. */
export function rememberSetting(cookies: Cookies, name: string, value: string): void {
	cookies.set(name, value, { path: '/', maxAge: YEAR_SECONDS, sameSite: 'lax', httpOnly: true, secure: config.secureCookies });
}
