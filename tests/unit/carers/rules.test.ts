// Carers' pure logic: the IBAN check (ibantools), postcodes, the month of "since when", the
// screens of the application one after another, the officer's forms, and amounts in euros.
import { describe, expect, it } from 'vitest';
import {
	APPLY_FIELDS,
	APPLY_STEPS,
	checkAnswers,
	checkIban,
	checkScaleSchema,
	checkSchema,
	decimalOf,
	decisionSchema,
	giftList,
	monthToDate,
	moveStep,
	normalizePostcode,
	parseApplication,
	questionLines,
	settingsSchema,
	type ApplyValues
} from '../../../src/lib/schemas/carers';
import { euros, ibanEnd, windowIsOpen } from '../../../src/lib/carers/format';

const empty = Object.fromEntries(APPLY_FIELDS.map((f) => [f, ''])) as ApplyValues;
const complete: ApplyValues = {
	...empty,
	carer_id: '00000000-0000-4000-8000-000000000304',
	relationship: 'parent',
	cared_for_name: 'Moeder Jansen',
	cared_for_postcode: '6211 ab',
	cared_for_house_number: '12a',
	cared_for_lives_here: 'yes',
	caring_since: '2021-05',
	hours: 'from_8_to_16',
	payout: 'money',
	iban: 'nl91 abna 0417 1643 00',
	account_holder: 'C. Jansen'
};

describe('the IBAN check', () => {
	it('accepts a valid IBAN in any spacing and case, and keeps it without spaces', () => {
		expect(checkIban('NL91 ABNA 0417 1643 00')).toBe('NL91ABNA0417164300');
		expect(checkIban('nl91abna0417164300')).toBe('NL91ABNA0417164300');
		expect(checkIban('DE89 3704 0044 0532 0130 00')).toBe('DE89370400440532013000');
	});

	it('refuses a wrong checksum, a wrong length, nonsense and a country outside SEPA', () => {
		expect(checkIban('NL92ABNA0417164300')).toBeNull();
		expect(checkIban('NL91ABNA041716430')).toBeNull();
		expect(checkIban('hallo')).toBeNull();
		expect(checkIban('')).toBeNull();
		expect(checkIban('BR1800360305000010009795493C1')).toBeNull(); // valid Brazilian IBAN, not SEPA
	});
});

describe('answers as the database keeps them', () => {
	it('postcodes without spaces in capitals', () => {
		expect(normalizePostcode(' 6211 ab ')).toBe('6211AB');
	});

	it('a month as its first day, and nothing else', () => {
		expect(monthToDate('2021-05')).toBe('2021-05-01');
		expect(monthToDate('2021-13')).toBeNull();
		expect(monthToDate('mei 2021')).toBeNull();
	});

	it('the IBAN only for money, the gift only for a gift, and the voice id only when it is one', () => {
		const money = parseApplication(complete);
		expect(money.ok && money.data).toMatchObject({
			cared_for_postcode: '6211AB',
			cared_for_house_number: '12A',
			caring_since: '2021-05-01',
			cared_for_lives_here: true,
			iban: 'NL91ABNA0417164300',
			gift: null,
			voice_id: null
		});
		const gift = parseApplication({ ...complete, payout: 'gift', gift: 'Bos bloemen', iban: 'rommel' });
		expect(gift.ok && gift.data).toMatchObject({ payout: 'gift', gift: 'Bos bloemen', iban: null, account_holder: null });
	});
});

describe('one question a screen', () => {
	it('moves on only when the question on screen is answered', () => {
		expect(moveStep(empty, 'relationship', 'next')).toEqual({ ok: false, step: 'relationship', errors: { relationship: 'carers.errors.relationship_missing' } });
		expect(moveStep(complete, 'relationship', 'next')).toMatchObject({ ok: true, step: 'person' });
		expect(moveStep(complete, 'person', 'next')).toMatchObject({ ok: true, step: 'lives_here', values: { cared_for_postcode: '6211AB', cared_for_house_number: '12A' } });
		expect(moveStep(complete, 'extra', 'next')).toMatchObject({ ok: true, step: 'summary' });
		expect(moveStep(empty, 'person', 'back')).toMatchObject({ ok: true, step: 'relationship' });
		expect(moveStep(empty, 'summary', 'back')).toMatchObject({ ok: true, step: APPLY_STEPS.at(-1) });
		expect(moveStep(empty, 'nonsense', 'next').ok).toBe(false);
	});

	it('puts a wrong IBAN next to its field', () => {
		const moved = moveStep({ ...complete, iban: 'NL92ABNA0417164300' }, 'payout', 'next');
		expect(moved).toEqual({ ok: false, step: 'payout', errors: { iban: 'carers.errors.iban' } });
	});

	it('sends the carer back to the first screen with a mistake', () => {
		const parsed = parseApplication({ ...complete, hours: '' });
		expect(parsed).toEqual({ ok: false, step: 'hours', errors: { hours: 'carers.errors.hours_missing' } });
	});
});

describe('the officer’s forms', () => {
	const rules = {
		opens_on: '2026-01-01',
		closes_on: '2026-12-31',
		payout_options: ['money', 'gift'],
		amount_euros: '150',
		gift_choices: 'Bloemen\n\n  Bioscoop  ',
		min_hours_per_week: '8'
	};

	it('reads gifts one a line', () => {
		expect(giftList(rules.gift_choices)).toEqual(['Bloemen', 'Bioscoop']);
	});

	it('accepts rules that hold together and refuses those that do not', () => {
		expect(settingsSchema.safeParse(rules).success).toBe(true);
		const wrong = settingsSchema.safeParse({ ...rules, closes_on: '2025-12-31', gift_choices: '', min_hours_per_week: '5' });
		expect(wrong.success).toBe(false);
		expect(wrong.error!.issues.map((i) => i.message).sort()).toEqual(['carers.errors.gifts_missing', 'carers.errors.min_hours', 'carers.errors.window']);
	});

	it('reminds 14 days before the window closes unless the officer sets 1 to 90 days', () => {
		expect(settingsSchema.parse(rules).remind_days_before).toBe(14);
		expect(settingsSchema.parse({ ...rules, remind_days_before: '30' }).remind_days_before).toBe(30);
		for (const days of ['0', '91', 'veel'])
			expect(settingsSchema.safeParse({ ...rules, remind_days_before: days }).error?.issues.map((i) => i.message)).toEqual(['carers.errors.remind_days']);
	});

	it('asks a reason for a question or a refusal, not for an approval', () => {
		expect(decisionSchema.safeParse({ decision: 'approve' }).success).toBe(true);
		// No choice is no decision (superforms would otherwise fill in the first option).
		expect(decisionSchema.safeParse({}).error?.issues.map((i) => i.message)).toEqual(['carers.errors.decision_missing']);
		expect(decisionSchema.safeParse({ decision: 'refuse', text: '' }).success).toBe(false);
		expect(decisionSchema.safeParse({ decision: 'ask', text: 'Hoe vaak gaat u langs?' }).success).toBe(true);
	});
});

describe('on screen', () => {
	it('amounts in euros, whole euros without cents', () => {
		expect(euros(15000, 'nl')).toMatch(/^€\s150$/);
		expect(euros(15050, 'nl')).toMatch(/^€\s150,50$/);
	});

	it('the last four characters of an IBAN, and whether the window is open', () => {
		expect(ibanEnd('NL91ABNA0417164300')).toBe('4300');
		const window = { opens_on: '2026-03-01', closes_on: '2026-11-30' };
		expect(windowIsOpen(window, '2026-03-01')).toBe(true);
		expect(windowIsOpen(window, '2026-12-01')).toBe(false);
	});
});

describe('"Hoe gaat het met u?"', () => {
	const scale = '00000000-0000-4000-8000-00000000c4ec';

	it('every question shown needs an answer from 1 to 5, and none beyond them', () => {
		const ok = checkSchema.safeParse({ scale_id: scale, count: '3', q1: '4', q2: '1', q3: '5' });
		expect(ok.success).toBe(true);
		expect(checkAnswers(ok.data!)).toEqual([4, 1, 5]);
		const missing = checkSchema.safeParse({ scale_id: scale, count: '3', q1: '4', q2: '9' });
		expect(missing.success).toBe(false);
		expect(missing.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['q2', 'q3']);
		expect(new Set(missing.error!.issues.map((i) => i.message))).toEqual(new Set(['carers.errors.check_missing']));
		expect(checkSchema.safeParse({ scale_id: scale, count: '2', q1: '4', q2: '1', q3: '3' }).success).toBe(false);
		for (const count of ['1', '13', 'x']) expect(checkSchema.safeParse({ scale_id: scale, count, q1: '1', q2: '1' }).success, count).toBe(false);
		expect(checkSchema.safeParse({ scale_id: 'nope', count: '2', q1: '1', q2: '1' }).success).toBe(false);
	});

	it('the officer writes 2 to 12 questions, one a line, and a heavy average from 1 to 5 with a comma or a point', () => {
		const good = { questions: 'Ik ben moe.\n\n  Ik slaap slecht.  \r\nIk heb geen tijd.', heavy_from: '3,5', plain_ok: '' };
		expect(checkScaleSchema.safeParse(good).success).toBe(true);
		expect(questionLines(good.questions)).toEqual(['Ik ben moe.', 'Ik slaap slecht.', 'Ik heb geen tijd.']);
		expect(decimalOf('3,5')).toBe(3.5);
		expect(decimalOf('4')).toBe(4);
		for (const questions of ['Alleen één vraag.', 'Kort\nIk slaap slecht.', Array.from({ length: 13 }, (_, i) => `Vraag nummer ${i}.`).join('\n'), `${'a'.repeat(201)}\nIk slaap slecht.`]) {
			expect(checkScaleSchema.safeParse({ ...good, questions }).success, questions.slice(0, 20)).toBe(false);
		}
		for (const heavy_from of ['0,5', '5,1', '6', '3,55', 'drie', '']) expect(checkScaleSchema.safeParse({ ...good, heavy_from }).success, heavy_from).toBe(false);
		for (const heavy_from of ['1', '5', '4.2']) expect(checkScaleSchema.safeParse({ ...good, heavy_from }).success, heavy_from).toBe(true);
	});
});

