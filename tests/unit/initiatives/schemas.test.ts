// The rules the forms check before the database does: the three parts of a no, conditions for a
// "yes, if", the details each kind of ask needs, and the clock's sentence from the derived state.
import { describe, expect, it } from 'vitest';
import { answerSchema, askSchemas, conditionsFromText, detailsOf, nameSchema, stepSchemas } from '../../../src/lib/schemas/initiatives';
import { clockText } from '../../../src/lib/initiatives/kinds';
import { todayInNL } from '../../../src/lib/schemas/help';

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
	Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe('an answer', () => {
	it('a no without reason, explanation and another way gets a message at each field', () => {
		expect(errorsOf(answerSchema.safeParse({ decision: 'no_because' }))).toEqual({
			reason: 'initiatives.errors.reason_missing',
			explanation: 'initiatives.errors.explanation_missing',
			alternative: 'initiatives.errors.alternative_missing'
		});
	});

	it('a no with all three passes; a reason outside the list does not', () => {
		const full = { decision: 'no_because', reason: 'safety', explanation: 'Te druk.', alternative: 'Een week later.' };
		expect(answerSchema.safeParse(full).success).toBe(true);
		expect(errorsOf(answerSchema.safeParse({ ...full, reason: 'feeling' }))).toHaveProperty('reason');
		expect(errorsOf(answerSchema.safeParse({ ...full, alternative: '   ' }))).toEqual({ alternative: 'initiatives.errors.alternative_missing' });
	});

	it('a yes with conditions needs at least one condition; a plain yes needs nothing', () => {
		expect(errorsOf(answerSchema.safeParse({ decision: 'yes_if', conditions: '\n  \n' }))).toEqual({ conditions: 'initiatives.errors.conditions_missing' });
		expect(answerSchema.safeParse({ decision: 'yes_if', conditions: 'Hekken plaatsen.' }).success).toBe(true);
		expect(answerSchema.safeParse({ decision: 'yes' }).success).toBe(true);
		expect(errorsOf(answerSchema.safeParse({}))).toEqual({ decision: 'initiatives.errors.decision_missing' });
	});

	it('conditions are one per line, bullets and empty lines dropped', () => {
		expect(conditionsFromText('- Hekken plaatsen.\r\n\n• Weg vrij houden voor de brandweer.\n  ')).toEqual(['Hekken plaatsen.', 'Weg vrij houden voor de brandweer.']);
	});
});

describe('the screens of an initiative', () => {
	it('a name has at least three letters', () => {
		expect(errorsOf(nameSchema.safeParse({ name: ' a ' }))).toEqual({ name: 'initiatives.errors.name_missing' });
		expect(nameSchema.safeParse({ name: 'Moestuin' }).success).toBe(true);
	});

	it('a co-founder is optional, but an address must be one', () => {
		expect(stepSchemas.wie.safeParse({ email: '' }).success).toBe(true);
		expect(errorsOf(stepSchemas.wie.safeParse({ email: 'geen adres' }))).toEqual({ email: 'initiatives.errors.email_invalid' });
	});
});

describe('asks per kind', () => {
	it('a permit needs a date from today, times in order and a number of visitors', () => {
		expect(errorsOf(askSchemas.permit.safeParse({ date: '2020-01-01', from: '14:00', until: '22:00', visitors: '50' }))).toEqual({
			date: 'initiatives.errors.date_past'
		});
		expect(errorsOf(askSchemas.permit.safeParse({ date: todayInNL(), from: '22:00', until: '14:00', visitors: 'veel' }))).toEqual({
			visitors: 'initiatives.errors.visitors',
			until: 'initiatives.errors.until_before_from'
		});
		expect(askSchemas.permit.safeParse({ date: todayInNL(), from: '14:00', until: '22:00', visitors: '50' }).success).toBe(true);
	});

	it('a budget is a whole number of euros with a cost list', () => {
		expect(errorsOf(askSchemas.budget.safeParse({ amount: '12,50', costs: '' }))).toEqual({
			amount: 'initiatives.errors.amount',
			costs: 'initiatives.errors.costs_missing'
		});
	});

	it('materials come from the list', () => {
		expect(askSchemas.materials.safeParse({ items: ['tables', 'tent'], date: todayInNL() }).success).toBe(true);
		expect(errorsOf(askSchemas.materials.safeParse({ items: [], date: todayInNL() }))).toEqual({ items: 'initiatives.errors.items_missing' });
		expect(askSchemas.materials.safeParse({ items: ['piano'], date: todayInNL() }).success).toBe(false);
	});

	it('the details keep only the keys of the kind, as text (the database checks the same keys)', () => {
		expect(detailsOf('permit', { date: '2027-06-20', from: '14:00', until: '22:00', visitors: '80', note: 'x' })).toEqual({
			date: '2027-06-20',
			from: '14:00',
			until: '22:00',
			visitors: '80'
		});
		expect(detailsOf('materials', { items: ['tables'], date: '2027-06-20' })).toEqual({ items: ['tables'], date: '2027-06-20' });
	});
});

describe('the clock in words', () => {
	it('follows the state the database derived', () => {
		expect(clockText('open', '2026-12-07')).toEqual({ key: 'initiatives.clock.due', date: '2026-12-07' });
		expect(clockText('late', '2026-12-07')).toEqual({ key: 'initiatives.clock.late', date: '2026-12-07' });
		expect(clockText('yes_by_silence', '2026-12-07')).toEqual({ key: 'initiatives.clock.silence', date: null });
		expect(clockText('answered', '2026-12-07')).toBeNull();
	});
});
