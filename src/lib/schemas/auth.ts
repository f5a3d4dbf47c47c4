import { z } from './zod';

// Messages are i18n keys (src/lib/i18n/*.json); the page shows them in the reader's language.

export const emailSchema = z.object({
	email: z
		.string()
		.trim()
		.toLowerCase()
		.min(1, { error: 'errors.email_missing' })
		.max(254, { error: 'errors.email_invalid' })
		.email({ error: 'errors.email_invalid' })
});

export const codeSchema = z.object({
	// People copy codes with spaces ("123 456"); the server takes only the digits.
	code: z
		.string()
		.trim()
		.regex(/^\d{3} ?\d{3}$/, { error: 'errors.code_format' })
});

export function normaliseCode(code: string): string {
	return code.replace(/\D/g, '');
}
