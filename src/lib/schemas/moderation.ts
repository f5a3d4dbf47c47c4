import { z } from './zod';
import { id, optionalId } from './fields';

/** What a coordinator does with a reported item. */
export const moderationSchema = z.object({
	action: z.enum(['hide', 'unhide', 'block', 'unblock', 'dismiss'], { error: 'errors.form' }),
	subject_type: z.string().regex(/^[a-z][a-z_]{1,40}$/, { error: 'errors.form' }),
	subject_id: id(),
	report: optionalId()
});
