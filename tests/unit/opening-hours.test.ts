import { describe, expect, it } from 'vitest';
import { describeDays, formatClock, groupOpeningHours, parseOpeningHours, telHref } from '../../src/lib/home/opening-hours';

const nlThrough = (from: string, to: string) => `${from} tot en met ${to}`;
const enThrough = (from: string, to: string) => `${from} to ${to}`;

describe('opening hours on the front door', () => {
	it('groups the days with the same hours, earliest first', () => {
		const hours = parseOpeningHours([
			{ day: 4, opens: '13:30', closes: '16:00' },
			...[1, 2, 3, 4, 5].map((day) => ({ day, opens: '09:00', closes: '12:00' }))
		]);
		expect(groupOpeningHours(hours)).toEqual([
			{ opens: '09:00', closes: '12:00', days: [[1, 5]] },
			{ opens: '13:30', closes: '16:00', days: [[4, 4]] }
		]);
	});

	it('says the days as people say them, in the reader\'s language', () => {
		expect(describeDays([[1, 5]], 'nl', nlThrough)).toBe('maandag tot en met vrijdag');
		expect(describeDays([[2, 2], [4, 4]], 'nl', nlThrough)).toBe('dinsdag en donderdag');
		expect(describeDays([[1, 2], [5, 5]], 'nl', nlThrough)).toBe('maandag, dinsdag en vrijdag');
		expect(describeDays([[1, 3], [5, 5]], 'en', enThrough)).toBe('Monday to Wednesday and Friday');
	});

	it('writes times without a leading zero', () => {
		expect(formatClock('09:00', 'nl')).toBe('9.00');
		expect(formatClock('13:30', 'en')).toBe('13:30');
	});

	it('drops openings that are not well-formed', () => {
		expect(parseOpeningHours('maandag')).toEqual([]);
		expect(
			parseOpeningHours([{ day: 8, opens: '09:00', closes: '12:00' }, { day: 1, opens: '12:00', closes: '09:00' }, { day: 1, opens: '9', closes: '12:00' }, null])
		).toEqual([]);
	});

	it('makes a tel: link of a written phone number', () => {
		expect(telHref('043 123 40 00')).toBe('tel:0431234000');
		expect(telHref('+31 (0)43-1234000')).toBe('tel:+310431234000');
	});
});
