// The safe-input building blocks every form schema uses (src/lib/schemas/fields.ts), and the
// schemas that use them: bad input is a field error (an i18n key), never a value for the database.
import { describe, expect, it } from 'vitest';
import { calendarDate, id, isCalendarDate, safeText } from '../../src/lib/schemas/fields';
import { askSchema, messageSchema, offerSchema, reportSchema, volunteerSchema } from '../../src/lib/schemas/help';
import { profileSchema, vogDateSchema } from '../../src/lib/schemas/people';

const firstError = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
	result.success ? undefined : { path: result.error!.issues[0].path.join('.'), message: result.error!.issues[0].message };

describe('safeText', () => {
	const text = safeText({ max: 12, tooLong: 'too_long', missing: 'missing' });
	const line = safeText({ max: 80, tooLong: 'too_long', oneLine: true });

	it('takes plain text, trimmed, with line breaks and tabs in a long text', () => {
		expect(text.parse('  hallo\n\tdaar ')).toBe('hallo\n\tdaar');
	});

	it('refuses NUL bytes and other control characters', () => {
		for (const bad of ['a\u0000b', 'a\u0007', '\u001bx', 'x\u007f']) {
			expect(firstError(text.safeParse(bad))?.message).toBe('errors.text_control');
		}
	});

	it('refuses line breaks in a one-line field such as a name', () => {
		expect(firstError(line.safeParse('Jan\nJansen'))?.message).toBe('errors.text_control');
	});

	it('removes bidi overrides and isolates, so a name cannot turn itself around', () => {
		expect(line.parse('Jan\u202Ebak\u202C \u2066x\u2069')).toBe('Janbak x');
	});

	it('says when it is empty or too long, also for 100,000 characters', () => {
		expect(firstError(text.safeParse('   '))?.message).toBe('missing');
		expect(firstError(text.safeParse('x'.repeat(13)))?.message).toBe('too_long');
		expect(firstError(text.safeParse('x'.repeat(100_000)))?.message).toBe('too_long');
	});
});

describe('calendarDate', () => {
	it('knows which days exist', () => {
		expect(isCalendarDate('2099-02-31')).toBe(false);
		expect(isCalendarDate('2099-13-01')).toBe(false);
		expect(isCalendarDate('2028-02-29')).toBe(true);
		expect(isCalendarDate('2027-02-29')).toBe(false);
		expect(isCalendarDate('31-12-2099')).toBe(false);
	});

	it('refuses an impossible date with a plain message, and takes empty', () => {
		expect(firstError(calendarDate().safeParse('2099-02-31'))?.message).toBe('errors.date_impossible');
		expect(calendarDate().parse('')).toBe('');
	});
});

describe('ids', () => {
	it('refuses what is not a UUID', () => {
		expect(id('bad').safeParse('not-a-uuid').success).toBe(false);
		expect(id('bad').safeParse('00000000-0000-4000-8000-000000000103').success).toBe(true);
	});
});

describe('the form schemas use them', () => {
	const area = '00000000-0000-4000-8000-000000000103';

	it('an offer: impossible date, unknown-looking id, NUL byte; text or voice', () => {
		const offer = { category_id: 'garden', area_id: area, description: 'Ik maai gras.', available_on: '' };
		expect(firstError(offerSchema.safeParse({ ...offer, available_on: '2099-02-31' }))).toEqual({ path: 'available_on', message: 'errors.date_impossible' });
		expect(firstError(offerSchema.safeParse({ ...offer, area_id: 'x' }))).toEqual({ path: 'area_id', message: 'errors.area_missing' });
		expect(firstError(offerSchema.safeParse({ ...offer, description: 'a\u0000' }))).toEqual({ path: 'description', message: 'errors.text_control' });
		expect(firstError(offerSchema.safeParse({ ...offer, description: '' }))).toEqual({ path: 'description', message: 'voice.errors.offer_text_or_voice' });
		const voice = new File([new Uint8Array([1])], 'stem.webm', { type: 'audio/webm' });
		expect(offerSchema.safeParse({ ...offer, description: '', voice }).success).toBe(true);
	});

	it('a message: text or voice, and no control characters', () => {
		expect(firstError(messageSchema.safeParse({ body: '' }))).toEqual({ path: 'body', message: 'voice.errors.message_text_or_voice' });
		expect(firstError(messageSchema.safeParse({ body: '\u0000' }))).toEqual({ path: 'body', message: 'errors.text_control' });
	});

	it('asking for help: each screen asks its own answers; the summary asks all', () => {
		const base = { submission_id: '7c1f4e0e-2d7a-4a39-9b0c-1f7c2a9e4b11', when_kind: 'asap' };
		expect(askSchema.safeParse({ ...base, step: 'category' }).success).toBe(false);
		expect(askSchema.safeParse({ ...base, step: 'category', category_id: 'garden' }).success).toBe(true);
		expect(firstError(askSchema.safeParse({ ...base, step: 'description', category_id: 'garden' }))).toEqual({ path: 'description', message: 'voice.errors.text_or_voice' });
		const all = { ...base, step: 'summary', category_id: 'garden', description: 'Gras', area_id: area };
		expect(askSchema.safeParse(all).success).toBe(true);
		expect(firstError(askSchema.safeParse({ ...all, when_kind: 'on_date', when_date: '2099-02-31' }))).toEqual({ path: 'when_date', message: 'errors.date_impossible' });
		expect(firstError(askSchema.safeParse({ ...all, when_kind: 'on_date', when_date: '2020-01-01' }))).toEqual({ path: 'when_date', message: 'help.errors.date_past' });
		// A past date typed and then "as soon as possible" chosen is no error.
		expect(askSchema.safeParse({ ...all, when_date: '2020-01-01' }).success).toBe(true);
	});

	it('names, reasons, skills and VOG dates', () => {
		expect(firstError(profileSchema.safeParse({ display_name: 'Jan\u0000', area_id: area }))?.message).toBe('errors.text_control');
		expect(profileSchema.parse({ display_name: '\u202EJan', area_id: area }).display_name).toBe('Jan');
		expect(firstError(reportSchema.safeParse({ reason: 'x'.repeat(100_000) }))?.message).toBe('help.errors.text_too_long');
		expect(firstError(volunteerSchema.safeParse({ categories: ['garden'], area_id: area, max_distance_km: 3, skills: '\u0000' }))?.message).toBe('errors.text_control');
		expect(firstError(vogDateSchema.safeParse({ volunteer: area, vog_date: '2020-02-30' }))?.message).toBe('coordination.vogDateWrong');
	});
});
