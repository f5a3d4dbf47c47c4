// Kinds of help as the pages show them: the name in the reader's language, found by id.
type Named = { id: string; name_nl: string; name_en: string };

export function categoryName(category: Pick<Named, 'name_nl' | 'name_en'> | null | undefined, lang: 'nl' | 'en'): string {
	if (!category) return '';
	return lang === 'en' ? category.name_en : category.name_nl;
}

/** A lookup by id over the categories a page loaded. */
export function categoryLookup<T extends Named>(categories: T[], lang: 'nl' | 'en') {
	const byId = new Map(categories.map((c) => [c.id, c]));
	return {
		find: (id: string | null | undefined) => (id ? byId.get(id) : undefined),
		name: (id: string | null | undefined) => categoryName(id ? byId.get(id) : undefined, lang)
	};
}
