// Advice beside an officer's text field: the same rules as the site's own strings (rules.ts), said
// as plain tips with i18n keys. Advice, never a block: the officer may send the text as it is.
// Runs in the browser while they type and on the server at the first send (for pages without JS).
import { INFORMAL_YOU, longSentences, wordsToAvoidIn, words } from './rules';

export type Advice =
	| { key: 'plain.long'; values: { start: string; count: number } }
	| { key: 'plain.word'; values: { avoid: string; instead: string } }
	| { key: 'plain.informal'; values?: undefined };

/** How many words of a long sentence the advice quotes, so the officer finds it. */
const QUOTED_WORDS = 6;

function startOf(sentence: string): string {
	const all = words(sentence);
	return all.length > QUOTED_WORDS ? `${all.slice(0, QUOTED_WORDS).join(' ')} …` : sentence;
}

/** A tip's own key in a list: the sentence or word it is about. */
export const tipId = (tip: Advice) => `${tip.key}:${tip.key === 'plain.long' ? tip.values.start : tip.key === 'plain.word' ? tip.values.avoid : ''}`;

/** The tips for one text, long sentences first; none for an empty text. */
export function adviseText(text: string | null | undefined): Advice[] {
	if (!text?.trim()) return [];
	const advice: Advice[] = longSentences(text).map(({ sentence, count }) => ({ key: 'plain.long', values: { start: startOf(sentence), count } }));
	for (const found of wordsToAvoidIn(text)) advice.push({ key: 'plain.word', values: found });
	if (INFORMAL_YOU.test(text)) advice.push({ key: 'plain.informal' });
	return advice;
}

export type FieldAdvice = Record<string, Advice[]>;

/** The tips per field for the named fields of a form; null when every text is plain. */
export function adviseFields(data: Record<string, unknown>, fields: readonly string[]): FieldAdvice | null {
	const found = Object.fromEntries(fields.map((f) => [f, adviseText(typeof data[f] === 'string' ? (data[f] as string) : '')]).filter(([, a]) => a.length > 0));
	return Object.keys(found).length ? found : null;
}

/** The form field an officer ticks (or JavaScript sets) to send a text with tips as it is. */
export const SEND_ANYWAY = 'plain_ok';
