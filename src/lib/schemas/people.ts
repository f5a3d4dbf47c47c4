import { z } from 'zod';

const displayName = z
	.string()
	.trim()
	.min(1, { error: 'errors.name_missing' })
	.max(80, { error: 'errors.name_too_long' });
const areaId = z.uuid({ error: 'errors.area_missing' });
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
