// The plain-language rules that need no dictionary: sentences, words, sentence length, words to
// avoid (with their plain alternative) and "u" instead of "je". Small enough for the browser:
// the officer's advice (advice.ts) runs on these while they type, and again on the server.
import wordsToAvoid from './words-to-avoid.json';

export const MAX_WORDS_PER_SENTENCE = 15;

/** {placeholders} become an ordinary word; they are names, numbers or addresses. */
export const withoutPlaceholders = (text: string) => text.replace(/\{[^}]+\}/g, 'Naam');

export function words(text: string): string[] {
	return text.match(/[\p{L}\p{N}@][\p{L}\p{N}@.'’-]*/gu)?.map((w) => w.replace(/[.'’-]+$/, '')) ?? [];
}

export function splitSentences(text: string): string[] {
	return withoutPlaceholders(text)
		.split(/(?<=[.!?])\s+|\n+/)
		.map((s) => s.trim())
		.filter((s) => words(s).length > 0);
}

function escapeRegExp(s: string) {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const AVOID = (wordsToAvoid as { avoid: string; instead: string }[]).map(({ avoid, instead }) => ({
	avoid,
	instead,
	pattern: new RegExp(`(?<![\\p{L}])${escapeRegExp(avoid)}(?![\\p{L}])`, 'iu')
}));

/** Sentences over the limit, each with its number of words. */
export function longSentences(text: string): { sentence: string; count: number }[] {
	return splitSentences(text)
		.map((sentence) => ({ sentence, count: words(sentence).length }))
		.filter(({ count }) => count > MAX_WORDS_PER_SENTENCE);
}

/**
 * Words to avoid that the text uses, with the plain word. A longer phrase that contains a shorter
 * one ("aanvraag indienen" and "indienen") is named once, as the longer phrase.
 */
export function wordsToAvoidIn(text: string): { avoid: string; instead: string }[] {
	const found = AVOID.filter(({ pattern }) => pattern.test(text));
	return found
		.filter(({ avoid }) => !found.some((other) => other.avoid !== avoid && other.avoid.includes(avoid) && other.avoid.length > avoid.length))
		.map(({ avoid, instead }) => ({ avoid, instead }));
}

export const INFORMAL_YOU = /(?<![\p{L}])(je|jij|jou|jouw|jullie)(?![\p{L}])/iu;
