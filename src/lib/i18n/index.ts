import { addMessages, init, locale } from 'svelte-i18n';
import nl from './nl.json';
import en from './en.json';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_COOKIE = 'omzien_lang';

// Messages are bundled and registered synchronously, so server rendering never waits for them.
addMessages('nl', nl);
addMessages('en', en);
init({ fallbackLocale: 'nl', initialLocale: 'nl' });

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Intl locale per language: dates and numbers as people here write them. */
export const intlLocale: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

export { locale };
