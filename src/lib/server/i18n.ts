// Translations on the server (e-mails), from the same nl.json and en.json as the pages.
import nl from '$lib/i18n/nl.json';
import en from '$lib/i18n/en.json';
import type { Language } from '$lib/i18n';

const messages: Record<Language, unknown> = { nl, en };

export function translate(language: Language, key: string, values: Record<string, string | number> = {}): string {
	const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages[language]);
	const text = typeof found === 'string' ? found : key;
	return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? `{${name}}`));
}
