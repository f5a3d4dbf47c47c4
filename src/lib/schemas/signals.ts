import { z } from './zod';
import { id, recordingField, safeText } from './fields';

/** "Ik maak me zorgen om …": the area, and what worries the sender, typed or spoken. */
export const signalSchema = z
	.object({
		area_id: id('errors.area_missing'),
		body: safeText({ max: 2000, tooLong: 'signals.errors.too_long' }).default(''),
		voice: recordingField
	})
	.superRefine((value, ctx) => {
		if (!value.body && !value.voice) ctx.addIssue({ code: 'custom', path: ['body'], message: 'signals.errors.text_or_voice' });
		else if (value.body && value.body.length < 5) ctx.addIssue({ code: 'custom', path: ['body'], message: 'signals.errors.too_short' });
	});
export type SignalInput = z.infer<typeof signalSchema>;

/** A contact person writes down what was done; the first note picks the signal up. */
export const signalNoteSchema = z.object({
	note: safeText({ max: 2000, tooLong: 'signals.errors.too_long', missing: 'signals.errors.note_missing' })
});
