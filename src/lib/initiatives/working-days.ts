// The municipality's days off for the answer clock, in TypeScript: the same rules as the SQL
// (is_dutch_holiday(), is_holiday_in() in supabase/migrations/20261125001000_initiative_settings.sql),
// kept in step by tests/integration/initiative-settings.test.ts. The database sets every deadline;
// this shows the admin which days count as off under the settings they choose.

export type Calendar = { good_friday_off: boolean; liberation_day_every_year: boolean };
export const NATIONAL_ONLY: Calendar = { good_friday_off: false, liberation_day_every_year: false };

export type DayOffName =
	| 'new_year'
	| 'good_friday'
	| 'easter_monday'
	| 'kings_day'
	| 'liberation_day'
	| 'ascension_day'
	| 'whit_monday'
	| 'christmas'
	| 'boxing_day';

/** A calendar day as YYYY-MM-DD (UTC midnight: no time zone can move it). */
const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month - 1, date));
const plus = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

/** Easter Sunday (the anonymous Gregorian algorithm), as in public.easter_sunday(). */
export function easterSunday(year: number): string {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const n = h + l - 7 * m + 114;
	return iso(day(year, Math.floor(n / 31), (n % 31) + 1));
}

/** The days off of a year on weekdays and weekends alike, in date order, with their names. */
export function daysOff(year: number, calendar: Calendar = NATIONAL_ONLY): { date: string; name: DayOffName }[] {
	const easter = new Date(`${easterSunday(year)}T00:00:00Z`);
	const kings = day(year, 4, 27).getUTCDay() === 0 ? day(year, 4, 26) : day(year, 4, 27);
	const list: { date: Date; name: DayOffName }[] = [
		{ date: day(year, 1, 1), name: 'new_year' },
		{ date: plus(easter, 1), name: 'easter_monday' },
		{ date: kings, name: 'kings_day' },
		{ date: plus(easter, 39), name: 'ascension_day' },
		{ date: plus(easter, 50), name: 'whit_monday' },
		{ date: day(year, 12, 25), name: 'christmas' },
		{ date: day(year, 12, 26), name: 'boxing_day' }
	];
	if (calendar.good_friday_off) list.push({ date: plus(easter, -2), name: 'good_friday' });
	if (year % 5 === 0 || calendar.liberation_day_every_year) list.push({ date: day(year, 5, 5), name: 'liberation_day' });
	return list.map(({ date, name }) => ({ date: iso(date), name })).sort((x, y) => x.date.localeCompare(y.date));
}

/** Whether a YYYY-MM-DD day is a day off (a holiday, not a weekend). */
export function isDayOff(date: string, calendar: Calendar = NATIONAL_ONLY): boolean {
	return daysOff(Number(date.slice(0, 4)), calendar).some((d) => d.date === date);
}

export function isWorkingDay(date: string, calendar: Calendar = NATIONAL_ONLY): boolean {
	const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
	return weekday !== 0 && weekday !== 6 && !isDayOff(date, calendar);
}

/** The day that is `days` working days after `from` (which does not count), as add_working_days_in(). */
export function addWorkingDays(from: string, days: number, calendar: Calendar = NATIONAL_ONLY): string {
	let d = new Date(`${from}T00:00:00Z`);
	for (let left = days; left > 0; ) {
		d = plus(d, 1);
		if (isWorkingDay(iso(d), calendar)) left -= 1;
	}
	return iso(d);
}

/** The days off that fall on a weekday: the ones that move a deadline. */
export function weekdaysOff(year: number, calendar: Calendar = NATIONAL_ONLY) {
	return daysOff(year, calendar).filter(({ date }) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()));
}
