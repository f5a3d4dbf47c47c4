// The languages Omzien speaks. Adding one: a folder i18n/<code>/ with the same part files, and one line here.
export const LANGUAGE_SETTINGS = {
	nl: { intl: 'nl-NL' },
	en: { intl: 'en-GB' }
} as const;

export type Language = keyof typeof LANGUAGE_SETTINGS;
// A non-empty tuple type, so schemas can use z.enum(LANGUAGES).
export const LANGUAGES = Object.keys(LANGUAGE_SETTINGS) as [Language, ...Language[]];

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && Object.hasOwn(LANGUAGE_SETTINGS, value);
}

/** Intl locale per language: dates and numbers as people here write them. */
export const intlLocale = Object.fromEntries(LANGUAGES.map((l) => [l, LANGUAGE_SETTINGS[l].intl])) as Record<Language, string>;
