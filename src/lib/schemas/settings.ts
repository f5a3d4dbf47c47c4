import { z } from './zod';
import { LANGUAGES } from '$lib/i18n/languages';

/** The header's buttons: language and text size, each alone, and the page to go back to. */
export const settingsSchema = z.object({
	lang: z.enum(LANGUAGES).optional(),
	text: z.enum(['large', 'normal']).optional(),
	terug: z.string().max(2000).default('/')
});
