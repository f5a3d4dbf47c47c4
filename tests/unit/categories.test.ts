import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categoryLookup, categoryName } from '../../src/lib/help/categories';
import { messages } from '../../src/lib/i18n/messages';
import { LANGUAGES } from '../../src/lib/i18n/languages';

const categories = [
	{ id: 'garden', icon: 'plant' },
	{ id: 'ride', icon: 'bus' }
];

/** Category ids as the migrations insert them: each row of an insert into help_categories starts with its id. */
function migratedCategoryIds(): string[] {
	const dir = new URL('../../supabase/migrations/', import.meta.url);
	const sql = readdirSync(dir)
		.filter((f) => f.endsWith('.sql'))
		.map((f) => readFileSync(new URL(f, dir), 'utf8'))
		.join('\n');
	return [...sql.matchAll(/insert into public\.help_categories[^;]*/g)].flatMap((insert) =>
		[...insert[0].matchAll(/^\s*\('([a-z_]+)'/gm)].map((row) => row[1])
	);
}

describe('kinds of help on a page', () => {
	it('shows the name in the reader’s language, and nothing for an unknown kind', () => {
		expect(categoryName('garden', 'nl')).toBe('Tuin');
		expect(categoryName('garden', 'en')).toBe('Garden');
		expect(categoryName(undefined, 'nl')).toBe('');
		const dutch = categoryLookup(categories, 'nl');
		expect(dutch.name('ride')).toBe('Vervoer');
		expect(dutch.find('ride')?.icon).toBe('bus');
		expect(dutch.name('unknown')).toBe('');
		expect(dutch.name(null)).toBe('');
		expect(categoryLookup(categories, 'en').name('ride')).toBe('A ride');
	});

	it('every kind in the database has a name in every language, and no name is left over', () => {
		const ids = migratedCategoryIds();
		expect(ids).toContain('odd_jobs');
		for (const language of LANGUAGES) {
			const names = (messages[language].help as { categories: object }).categories;
			expect(Object.keys(names).sort(), language).toEqual([...ids].sort());
		}
	});
});
