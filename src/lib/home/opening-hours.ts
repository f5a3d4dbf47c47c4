// When a phone line is answered, grouped so it reads as people say it:
// "maandag tot en met vrijdag, 9.00 – 12.00 uur" rather than five lines.
import { intlLocale, type Language } from '$lib/i18n';
import { dateFormat } from '$lib/intl';

/** One opening as stored in organisations.opening_hours: day 1–7 (ISO, 1 = Monday). */
export type Opening = { day: number; opens: string; closes: string };

/** The same hours on several days: days are runs of days in a row, [first, last]. */
export type HoursGroup = { opens: string; closes: string; days: [number, number][] };

const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Keeps only well-formed openings; the column is jsonb, so the shape is checked here. */
export function parseOpeningHours(value: unknown): Opening[] {
	if (!Array.isArray(value)) return [];
	return value.filter(
		(o): o is Opening =>
			!!o &&
			typeof o === 'object' &&
			Number.isInteger(o.day) &&
			o.day >= 1 &&
			o.day <= 7 &&
			typeof o.opens === 'string' &&
			typeof o.closes === 'string' &&
			clock.test(o.opens) &&
			clock.test(o.closes) &&
			o.opens < o.closes
	);
}

/** Openings with the same hours together, each with its days as runs; earliest day first. */
export function groupOpeningHours(openings: Opening[]): HoursGroup[] {
	const byHours = new Map<string, Set<number>>();
	for (const o of openings) {
		const key = `${o.opens}-${o.closes}`;
		byHours.set(key, (byHours.get(key) ?? new Set()).add(o.day));
	}
	const groups = [...byHours].map(([key, daySet]) => {
		const [opens, closes] = key.split('-');
		const days = [...daySet].sort((a, b) => a - b);
		const runs: [number, number][] = [];
		for (const day of days) {
			const last = runs.at(-1);
			if (last && last[1] === day - 1) last[1] = day;
			else runs.push([day, day]);
		}
		return { opens, closes, days: runs };
	});
	return groups.sort((a, b) => a.days[0][0] - b.days[0][0] || a.opens.localeCompare(b.opens));
}

/** "maandag" / "Monday" for ISO day 1, from Intl in the reader's language. */
export function weekdayName(day: number, lang: Language): string {
	// 1 January 2024 was a Monday.
	return dateFormat(intlLocale[lang], { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, day)));
}

/** "9.00" in Dutch, "9:00" in English: hours without a leading zero, as people write them. */
export function formatClock(time: string, lang: Language): string {
	const [hours, minutes] = time.split(':');
	return `${Number(hours)}${lang === 'nl' ? '.' : ':'}${minutes}`;
}

/**
 * "maandag tot en met vrijdag", "dinsdag en donderdag": runs of three days or more become a
 * range (through gives the words for it), shorter runs are named day by day.
 */
export function describeDays(runs: [number, number][], lang: Language, through: (from: string, to: string) => string): string {
	const parts = runs.flatMap(([first, last]) =>
		last - first >= 2
			? [through(weekdayName(first, lang), weekdayName(last, lang))]
			: Array.from({ length: last - first + 1 }, (_, i) => weekdayName(first + i, lang))
	);
	return new Intl.ListFormat(intlLocale[lang], { type: 'conjunction' }).format(parts);
}

/** A phone number as a tel: link wants it: digits and a leading +, nothing else. */
export function telHref(phone: string): string {
	return `tel:${phone.replace(/(?!^\+)[^\d]/g, '')}`;
}
