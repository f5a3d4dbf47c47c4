import { intlLocale, type Language } from './i18n';
import { dateFormat, numberFormat } from './intl';

/** "vrijdag 12 december 2026 om 14:05": dates in words, as plain language asks. */
export function formatDateTime(value: string | Date, language: Language): string {
	return dateFormat(intlLocale[language], {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: 'Europe/Amsterdam'
	}).format(new Date(value));
}

export function formatDate(value: string | Date, language: Language): string {
	return dateFormat(intlLocale[language], {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		timeZone: 'Europe/Amsterdam'
	}).format(new Date(value));
}

export function formatNumber(value: number, language: Language): string {
	return numberFormat(intlLocale[language]).format(value);
}
