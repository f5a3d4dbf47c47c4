import { describe, expect, it } from 'vitest';
import { messages } from '../../src/lib/i18n/messages';
import { checkText, countSyllables, fleschDouma, flattenMessages, splitSentences } from '../../src/lib/plain-language/check';

describe('the plain-language check itself', () => {
	it('counts Dutch syllables with the hyphenation dictionary', () => {
		expect(countSyllables('vrijwilligerscentrale')).toBe(7);
		expect(countSyllables('telefoonnummer')).toBe(5);
		expect(countSyllables('even')).toBe(2);
		expect(countSyllables('naam')).toBe(1);
		expect(countSyllables('beantwoord')).toBe(3);
		expect(countSyllables('e-mail')).toBe(2);
	});

	it('splits sentences', () => {
		expect(splitSentences('Kies een wijk. Vul uw naam in! Klaar?')).toHaveLength(3);
	});

	it('rejects a sentence over 15 words', () => {
		const long = 'U kunt hier met een paar stappen een vraag stellen aan de mensen die bij u in de buurt wonen.';
		expect(checkText(long).map((p) => p.rule)).toContain('sentence_length');
	});

	it('rejects official words and points to the plain one', () => {
		expect(checkText('U kunt uw aanvraag indienen bij de gemeente.')).toContainEqual({
			rule: 'avoid_word',
			detail: '"indienen": write "sturen"'
		});
		expect(checkText('Dit is een maatwerkvoorziening.').map((p) => p.rule)).toContain('avoid_word');
		expect(checkText('Wij bellen u i.v.m. uw vraag.').map((p) => p.rule)).toContain('avoid_word');
	});

	it('rejects "je" where Omzien says "u"', () => {
		expect(checkText('Vul je naam in.').map((p) => p.rule)).toContain('informal_you');
	});

	it('scores long words low (Flesch-Douma)', () => {
		const hard =
			'Coördinatoren van vrijwilligersorganisaties inventariseren maatschappelijke ondersteuningsbehoeften administratief en systematisch.';
		expect(fleschDouma(hard)).toBeLessThan(0);
		expect(checkText(hard).map((p) => p.rule)).toContain('flesch_douma');
		expect(fleschDouma('Kies wat voor hulp u zoekt. Dan zoeken wij iemand.')).toBeGreaterThan(80);
	});

	it('passes plain Dutch', () => {
		expect(checkText('Vul uw e-mailadres in. Bijvoorbeeld: naam@voorbeeld.nl.')).toEqual([]);
	});
});

describe('every Dutch text in i18n/nl/ is plain (B1)', () => {
	for (const [key, text] of flattenMessages(messages.nl)) {
		it(key, () => {
			expect(checkText(text)).toEqual([]);
		});
	}
});
