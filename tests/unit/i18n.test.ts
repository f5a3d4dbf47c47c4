import { describe, expect, it } from 'vitest';
import nl from '../../src/lib/i18n/nl.json';
import en from '../../src/lib/i18n/en.json';
import { flattenMessages } from '../support/plain-language/check';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
	const nlMessages = new Map(flattenMessages(nl));
	const enMessages = new Map(flattenMessages(en));

	it('English has every Dutch text, and nothing more', () => {
		expect([...enMessages.keys()].sort()).toEqual([...nlMessages.keys()].sort());
	});

	it('no text is empty', () => {
		for (const [key, text] of [...nlMessages, ...enMessages]) expect(text.trim(), key).not.toBe('');
	});

	it('both languages use the same {placeholders}', () => {
		for (const [key, text] of nlMessages) expect(placeholders(enMessages.get(key) ?? ''), key).toEqual(placeholders(text));
	});
});
