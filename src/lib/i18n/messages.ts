// The texts of every language, for the pages (index.ts) and the server (server/i18n.ts) alike.
// Each language has a folder with one part file per domain or shared room (help.json, voice.json, …);
// a part holds whole top-level namespaces, so a key like help.errors.not_open is the same in every file layout.
import { LANGUAGES, type Language } from './languages';

export type Messages = { [key: string]: Messages | string };

/** One language's part files merged; a namespace in two parts would silently lose texts, so it throws. */
export function mergeParts(parts: Record<string, Messages>): Messages {
	const merged: Messages = {};
	const foundIn = new Map<string, string>();
	for (const [file, part] of Object.entries(parts)) {
		for (const [namespace, texts] of Object.entries(part)) {
			const earlier = foundIn.get(namespace);
			if (earlier) throw new Error(`The namespace "${namespace}" is in both ${earlier} and ${file}.`);
			foundIn.set(namespace, file);
			merged[namespace] = texts;
		}
	}
	return merged;
}

/** Part files by language, from paths like ./nl/help.json; a folder that is no known language is a mistake. */
export function byLanguage(files: Record<string, Messages>): Record<Language, Messages> {
	const grouped = new Map<string, Record<string, Messages>>();
	for (const [path, part] of Object.entries(files)) {
		const language = path.split('/').at(-2) ?? '';
		grouped.set(language, { ...grouped.get(language), [path]: part });
	}
	for (const language of grouped.keys()) {
		if (!(LANGUAGES as string[]).includes(language)) throw new Error(`i18n/${language}/ is not in LANGUAGES.`);
	}
	const missing = LANGUAGES.filter((language) => !grouped.has(language));
	if (missing.length) throw new Error(`No texts for ${missing.join(', ')}: add the folder i18n/<language>/.`);
	return Object.fromEntries(LANGUAGES.map((language) => [language, mergeParts(grouped.get(language)!)])) as Record<Language, Messages>;
}

// Eager: bundled into both the server and the client build, so pages never wait for texts.
export const messages = byLanguage(import.meta.glob<Messages>('./*/*.json', { eager: true, import: 'default' }));
