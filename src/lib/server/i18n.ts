// Translations on the server (e-mails), from the same nl.json and en.json as the pages.
import nl from '$lib/i18n/nl.json';
import en from '$lib/i18n/en.json';
import type { Cookies } from '@sveltejs/kit';
import type { Language } from '$lib/i18n';
import { config } from './config';

const messages: Record<Language, unknown> = { nl, en };

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
