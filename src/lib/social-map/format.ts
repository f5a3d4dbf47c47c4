import { intlLocale, type Language } from '$lib/i18n';
import { dateFormat } from '$lib/intl';

/** Languages a service speaks, in their own words. */
export const LANGUAGE_NAMES: Record<string, string> = {
	nl: 'Nederlands', en: 'English', ar: 'العربية', tr: 'Türkçe', uk: 'Українська', pl: 'Polski', de: 'Deutsch'
};

/** "3 maart 2026": the day an entry was checked, in words. */
export function formatCheckedDate(date: string, language: Language): string {
	return dateFormat(intlLocale[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(
		new Date(`${date}T12:00:00Z`)
	);
}
