// The answer clock's days off in TypeScript (src/lib/initiatives/working-days.ts): the same rules
// as the SQL, which tests/integration/initiative-settings.test.ts compares day by day.
import { describe, expect, it } from 'vitest';
import { addWorkingDays, daysOff, easterSunday, isDayOff, isWorkingDay, weekdaysOff } from '../../src/lib/initiatives/working-days';

const BOTH = { good_friday_off: true, liberation_day_every_year: true };

describe('days off for the answer clock', () => {
	it('finds Easter', () => {
		expect(easterSunday(2024)).toBe('2024-03-31');
		expect(easterSunday(2026)).toBe('2026-04-05');
		expect(easterSunday(2027)).toBe('2027-03-28');
		expect(easterSunday(2038)).toBe('2038-04-25');
	});

	it('has the national holidays of 2026, and Liberation Day only in a lustrum year', () => {
		expect(daysOff(2026).map((d) => `${d.date} ${d.name}`)).toEqual([
			'2026-01-01 new_year',
			'2026-04-06 easter_monday',
			'2026-04-27 kings_day',
			'2026-05-14 ascension_day',
			'2026-05-25 whit_monday',
			'2026-12-25 christmas',
			'2026-12-26 boxing_day'
		]);
		expect(isDayOff('2025-05-05')).toBe(true);
		expect(isDayOff('2026-05-05')).toBe(false);
	});

	it("moves King's Day to the 26th when the 27th is a Sunday", () => {
		expect(isDayOff('2025-04-26')).toBe(true);
		expect(isDayOff('2025-04-27')).toBe(false);
	});

	it('adds Good Friday and Liberation Day every year by setting', () => {
		expect(isDayOff('2026-04-03')).toBe(false);
		expect(isDayOff('2026-04-03', { good_friday_off: true, liberation_day_every_year: false })).toBe(true);
		expect(isDayOff('2026-05-05', { good_friday_off: false, liberation_day_every_year: true })).toBe(true);
		expect(daysOff(2025, BOTH).filter((d) => d.name === 'liberation_day')).toHaveLength(1); // a lustrum year: once
	});

	it('counts working days across weekends, Easter and Christmas into New Year', () => {
		expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23'); // Friday → Monday
		expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-03'); // Good Friday counts nationally …
		expect(addWorkingDays('2026-04-02', 1, BOTH)).toBe('2026-04-07'); // … not with the setting; Easter Monday never
		expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-28');
		expect(addWorkingDays('2026-12-24', 5)).toBe('2027-01-04'); // 28–31 December, New Year off
		expect(addWorkingDays('2026-05-04', 1, BOTH)).toBe('2026-05-06');
		expect(isWorkingDay('2026-11-21')).toBe(false); // a Saturday
	});

	it('lists the days off on weekdays: those move a deadline', () => {
		expect(weekdaysOff(2026).map((d) => d.name)).not.toContain('boxing_day'); // a Saturday in 2026
		expect(weekdaysOff(2026, BOTH).map((d) => d.name)).toEqual([
			'new_year', 'good_friday', 'easter_monday', 'kings_day', 'liberation_day', 'ascension_day', 'whit_monday', 'christmas'
		]);
	});
});
