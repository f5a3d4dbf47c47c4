import { describe, expect, it } from 'vitest';
import { categoryLookup, categoryName } from '../../src/lib/help/categories';

const categories = [
	{ id: 'garden', name_nl: 'Tuin', name_en: 'Garden', icon: 'plant' },
	{ id: 'ride', name_nl: 'Vervoer', name_en: 'Transport', icon: 'bus' }
];

describe('kinds of help on a page', () => {
	it('shows the name in the reader’s language, and nothing for an unknown kind', () => {
		expect(categoryName(categories[0], 'nl')).toBe('Tuin');
		expect(categoryName(categories[0], 'en')).toBe('Garden');
		expect(categoryName(undefined, 'nl')).toBe('');
		const dutch = categoryLookup(categories, 'nl');
		expect(dutch.name('ride')).toBe('Vervoer');
		expect(dutch.find('ride')?.icon).toBe('bus');
		expect(dutch.name('unknown')).toBe('');
		expect(dutch.name(null)).toBe('');
		expect(categoryLookup(categories, 'en').name('ride')).toBe('Transport');
	});
});
