// Kinds of help as the pages show them: the name in the reader's language, from help.categories.<id>.
import { messages, type Messages } from '$lib/i18n/messages';
import type { Language } from '$lib/i18n/languages';

export function categoryName(id: string | null | undefined, lang: Language): string {
	const names = (messages[lang].help as Messages).categories as Messages;
	const name = id ? names[id] : undefined;
	return typeof name === 'string' ? name : '';
}

/** A lookup by id over the categories a page loaded. */
export function categoryLookup<T extends { id: string }>(categories: T[], lang: Language) {
	const byId = new Map(categories.map((c) => [c.id, c]));
	return {
		find: (id: string | null | undefined) => (id ? byId.get(id) : undefined),
		name: (id: string | null | undefined) => categoryName(id, lang)
	};
}
