import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { byLanguage, mergeParts, messages } from '../../src/lib/i18n/messages';
import { LANGUAGES } from '../../src/lib/i18n/languages';
import { flattenMessages } from '../../src/lib/plain-language/check';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const i18nDir = new URL('../../src/lib/i18n/', import.meta.url);
const partsOf = (language: string) =>
	Object.fromEntries(
		readdirSync(new URL(`${language}/`, i18nDir))
			.sort()
			.map((file) => [file, Object.keys(JSON.parse(readFileSync(new URL(`${language}/${file}`, i18nDir), 'utf8')))])
	);

describe('translations', () => {
	const dutch = new Map(flattenMessages(messages.nl));

	for (const language of LANGUAGES.filter((l) => l !== 'nl')) {
		const other = new Map(flattenMessages(messages[language]));

		it(`${language} has every Dutch text, and nothing more`, () => {
			expect([...other.keys()].sort()).toEqual([...dutch.keys()].sort());
		});

		it(`${language} keeps each namespace in the same part file as Dutch`, () => {
			expect(partsOf(language)).toEqual(partsOf('nl'));
		});

		it(`${language} uses the same {placeholders} as Dutch`, () => {
			for (const [key, text] of dutch) expect(placeholders(other.get(key) ?? ''), key).toEqual(placeholders(text));
		});
	}

	it('no text is empty', () => {
		for (const language of LANGUAGES) {
			for (const [key, text] of flattenMessages(messages[language])) expect(text.trim(), `${language}: ${key}`).not.toBe('');
		}
	});
});

describe('merging the part files', () => {
	it('puts the namespaces of all parts side by side', () => {
		expect(mergeParts({ 'help.json': { help: { title: 'Hulp' } }, 'voice.json': { voice: { play: 'Luister' } } })).toEqual({
			help: { title: 'Hulp' },
			voice: { play: 'Luister' }
		});
	});

	it('refuses a namespace that two parts both define', () => {
		expect(() => mergeParts({ 'help.json': { help: { title: 'Hulp' } }, 'extra.json': { help: { intro: 'Meer' } } })).toThrow(
			'The namespace "help" is in both help.json and extra.json.'
		);
	});

	it('refuses a folder that is not in LANGUAGES, and a language without a folder', () => {
		const part = { site: { name: 'Omzien' } };
		expect(() => byLanguage({ './nl/site.json': part, './en/site.json': part, './tr/site.json': part })).toThrow('i18n/tr/ is not in LANGUAGES.');
		expect(() => byLanguage({ './nl/site.json': part })).toThrow('No texts for en');
	});
});
