import { z } from 'zod';

/** What a coordinator does with a reported item. */
export const moderationSchema = z.object({
	action: z.enum(['hide', 'unhide', 'block', 'unblock', 'dismiss'], { error: 'errors.form' }),
	subject_type: z.string().regex(/^[a-z][a-z_]{1,40}$/, { error: 'errors.form' }),
	subject_id: z.uuid({ error: 'errors.form' }),
	report: z.union([z.uuid(), z.literal('')]).default('')
});
