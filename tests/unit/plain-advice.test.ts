// The plain-language tips beside an officer's text (src/lib/plain-language/advice.ts): the same
// rules as the site's own strings, said as plain tips. Advice, not a block.
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/lib/i18n/messages';
import { adviseFields, adviseText, type Advice } from '../../src/lib/plain-language/advice';
import { checkText } from '../../src/lib/plain-language/check';

const plain = (messages.nl as { plain: Record<string, string> }).plain;
/** A tip as the officer reads it in Dutch. */
const say = (tip: Advice) => plain[tip.key.split('.')[1]].replace(/\{(\w+)\}/g, (_, k) => String((tip.values as Record<string, unknown>)[k]));

const LONG = 'Wij verzoeken u vriendelijk om het formulier voor de straatafsluiting uiterlijk twee weken voor het feest bij ons in te dienen.';

describe('tips for an officer’s text', () => {
	it('says nothing about an empty or a plain text', () => {
		expect(adviseText('')).toEqual([]);
		expect(adviseText(null)).toEqual([]);
		expect(adviseText('Ja, dat mag. Zet de tafels op de stoep.')).toEqual([]);
	});

	it('names a long sentence by its first words and how long it is', () => {
		const [tip] = adviseText(LONG);
		expect(tip).toEqual({ key: 'plain.long', values: { start: 'Wij verzoeken u vriendelijk om het …', count: 21 } });
		expect(say(tip)).toBe('Deze zin is lang: 21 woorden. Maak er twee zinnen van: “Wij verzoeken u vriendelijk om het …”');
	});

	it('gives the plain word for a word to avoid', () => {
		const tips = adviseText('U kunt het formulier indienen.');
		expect(tips).toEqual([{ key: 'plain.word', values: { avoid: 'indienen', instead: 'sturen' } }]);
		expect(say(tips[0])).toBe('Schrijf “sturen” in plaats van “indienen”.');
	});

	it('names a longer phrase once, not also the shorter word inside it', () => {
		expect(adviseText('U kunt een aanvraag indienen.').map((t) => (t.key === 'plain.word' ? t.values.avoid : ''))).toEqual(['aanvraag indienen']);
	});

	it('tells the officer to say u', () => {
		expect(adviseText('Bel je ons even?')).toEqual([{ key: 'plain.informal' }]);
	});

	it('finds the same long sentences and words as the check of the site’s own strings', () => {
		const text = `${LONG} Dit kan middels de website. Wij hebben dit reeds besproken.`;
		const checked = checkText(text).filter((p) => p.rule !== 'flesch_douma').length;
		expect(adviseText(text)).toHaveLength(checked);
	});

	it('gives tips per field, and none when every text is plain', () => {
		expect(adviseFields({ info: 'Ja, dat mag.', explanation: 'Dit is reeds gedaan.', decision: 'indienen' }, ['info', 'explanation'])).toEqual({
			explanation: [{ key: 'plain.word', values: { avoid: 'reeds', instead: 'al' } }]
		});
		expect(adviseFields({ info: 'Ja, dat mag.' }, ['info', 'conditions'])).toBeNull();
	});
});
