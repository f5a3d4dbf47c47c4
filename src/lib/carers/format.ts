// Carers: small helpers the pages share (client-safe).
import { intlLocale, type Language } from '$lib/i18n';
import { dateFormat, numberFormat } from '$lib/intl';

/** An amount in cents as euros, e.g. "€ 150". Whole euros without decimals. */
export function euros(cents: number, language: Language): string {
	return numberFormat(intlLocale[language], {
		style: 'currency',
		currency: 'EUR',
		minimumFractionDigits: cents % 100 === 0 ? 0 : 2
	}).format(cents / 100);
}

/** A date (YYYY-MM-DD) in words without the weekday: "1 maart 2026". */
export function dayInWords(date: string, language: Language): string {
	return dateFormat(intlLocale[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** "2022-03-01" as "maart 2022". */
export function monthInWords(date: string, language: Language): string {
	return dateFormat(intlLocale[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date.slice(0, 7)}-01T00:00:00Z`));
}

/** The last four characters of an IBAN: enough for a person to recognise their account. */
export function ibanEnd(iban: string): string {
	return iban.slice(-4);
}

/** Whether today (YYYY-MM-DD) falls in the window. */
export function windowIsOpen(settings: { opens_on: string; closes_on: string }, today: string): boolean {
	return today >= settings.opens_on && today <= settings.closes_on;
}

/** A moment in words, Dutch time: "dinsdag 10 november, 14:00". */
export function momentInWords(iso: string, language: Language): string {
	return dateFormat(intlLocale[language], {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: 'Europe/Amsterdam'
	}).format(new Date(iso));
}

/** The columns of the carers monitor, in the order the tables and CSV files show them. */
export const CARER_MONITOR_COLUMNS = ['applications', 'confirmed', 'approved', 'paid_or_redeemed', 'appreciated_pct', 'checks', 'heavy', 'call_backs'] as const;
