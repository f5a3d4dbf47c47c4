import { z } from './zod';
import { todayInNL } from './help';
import { calendarDate, id, safeText } from './fields';

// A name is shown to others: one line, no control or bidi characters (see fields.ts).
const displayName = safeText({ max: 80, tooLong: 'errors.name_too_long', missing: 'errors.name_missing', oneLine: true });
const areaId = id('errors.area_missing');
const language = z.enum(['nl', 'en'], { error: 'errors.language_missing' });
const phonePattern = /^[0-9 +()-]{6,20}$/;

export const onboardingSchema = z.object({
	display_name: displayName,
	area_id: areaId,
	preferred_language: language.default('nl')
});

export const profileSchema = z.object({
	display_name: displayName,
	area_id: areaId,
	preferred_language: language.default('nl'),
	phone: z
		.string()
		.trim()
		.regex(phonePattern, { error: 'errors.phone_invalid' })
		.or(z.literal(''))
		.default('')
});

export const registerResidentSchema = z.object({
	display_name: displayName,
	phone: z
		.string()
		.trim()
		.min(1, { error: 'errors.phone_missing', abort: true })
		.regex(phonePattern, { error: 'errors.phone_invalid' }),
	area_id: areaId,
	preferred_language: language.default('nl')
});

export const languageSchema = z.object({ lang: language });

/**
 * The date on a volunteer's VOG (certificate of conduct), filled in by a coordinator; empty
 * clears it. Not in the future. One form per volunteer on the page, told apart by the form id.
 */
export const vogDateSchema = z.object({
	volunteer: id(),
	vog_date: calendarDate({ impossible: 'coordination.vogDateWrong', check: { test: (date) => date <= todayInNL(), error: 'coordination.vogDateWrong' } }).default('')
});

/** A profile row as the values of profileSchema's form ("Mijn gegevens", a coordinator's edit). */
export function profileValues(profile: { display_name: string | null; area_id: string | null; preferred_language: string | null; phone: string | null }) {
	return {
		display_name: profile.display_name ?? '',
		area_id: profile.area_id ?? '',
		preferred_language: profile.preferred_language === 'en' ? ('en' as const) : ('nl' as const),
		phone: profile.phone ?? ''
	};
}
