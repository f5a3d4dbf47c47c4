// The plain-language check (taalniveau B1) for every Dutch text: sentence length, words to avoid,
// "u" instead of "je", and a Flesch-Douma reading-ease score per text. The tests run it on every
// string of the site; the Dutch hyphenation dictionary (hyphen, a devDependency) keeps it out of pages.
import hyphenNl from 'hyphen/nl/index.js';
import { AVOID, INFORMAL_YOU, MAX_WORDS_PER_SENTENCE, longSentences, splitSentences, withoutPlaceholders, words } from './rules';

export { MAX_WORDS_PER_SENTENCE, splitSentences, words };

const { hyphenateSync } = hyphenNl;

/** Flesch-Douma: 60–70 is plain, 80+ very easy. Only scored for texts long enough to mean something. */
export const MIN_FLESCH_DOUMA = 60;
export const MIN_WORDS_FOR_SCORE = 8;

export type Problem = { rule: 'sentence_length' | 'avoid_word' | 'informal_you' | 'flesch_douma'; detail: string };

const VOWEL_GROUP = /(ij|[aeiouy]+)|[äëïöü]/giu;

/**
 * Syllables from the Dutch hyphenation dictionary (hyphen/nl). It leaves short words whole,
 * and for those (and parts joined by a hyphen) we count vowel groups.
 */
export function countSyllables(word: string): number {
	return word
		.split('-')
		.filter(Boolean)
		.reduce((sum, part) => {
			const pieces = hyphenateSync(part.toLowerCase(), { hyphenChar: '|', minWordLength: 1 }).split('|');
			const byVowels = part.toLowerCase().match(VOWEL_GROUP)?.length ?? 1;
			return sum + (pieces.length > 1 ? pieces.length : Math.max(1, byVowels));
		}, 0);
}

export function fleschDouma(text: string): number {
	const sentences = splitSentences(text);
	const all = sentences.flatMap(words);
	if (all.length === 0) return 100;
	const syllables = all.reduce((sum, w) => sum + countSyllables(w), 0);
	return 206.84 - 0.77 * ((syllables / all.length) * 100) - 0.93 * (all.length / sentences.length);
}

export function checkText(text: string): Problem[] {
	const problems: Problem[] = [];
	for (const { sentence, count } of longSentences(text)) {
		problems.push({ rule: 'sentence_length', detail: `${count} words: "${sentence}"` });
	}
	for (const { avoid, instead, pattern } of AVOID) {
		if (pattern.test(text)) problems.push({ rule: 'avoid_word', detail: `"${avoid}": write "${instead}"` });
	}
	if (INFORMAL_YOU.test(text)) {
		problems.push({ rule: 'informal_you', detail: 'say "u" to the reader' });
	}
	if (words(withoutPlaceholders(text)).length >= MIN_WORDS_FOR_SCORE) {
		const score = fleschDouma(text);
		if (score < MIN_FLESCH_DOUMA) problems.push({ rule: 'flesch_douma', detail: `score ${score.toFixed(0)} < ${MIN_FLESCH_DOUMA}` });
	}
	return problems;
}

/** Every string in a nested messages object, with its dotted key. */
export function flattenMessages(messages: object, prefix = ''): [string, string][] {
	return Object.entries(messages).flatMap(([key, value]) =>
		typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flattenMessages(value, `${prefix}${key}.`)
	);
}
