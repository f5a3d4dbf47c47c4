import { describe, expect, it } from 'vitest';
import { onboardingSchema, profileSchema, registerResidentSchema, vogDateSchema } from '../../src/lib/schemas/people';
import { formatDate, formatDateTime } from '../../src/lib/format';
import { locateError } from '../../supabase/local/stack.js';

const area = '00000000-0000-4000-8000-000000000101';
const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
	Object.fromEntries(result.error?.issues.map((i) => [String(i.path[0]), i.message]) ?? []);

describe('onboarding and profile input', () => {
	it('needs a name and an area; language defaults to Dutch', () => {
		expect(messages(onboardingSchema.safeParse({ display_name: ' ', area_id: '' }))).toEqual({
			display_name: 'errors.name_missing',
			area_id: 'errors.area_missing'
		});
		expect(onboardingSchema.parse({ display_name: ' Truus ', area_id: area })).toEqual({
			display_name: 'Truus',
			area_id: area,
			preferred_language: 'nl'
		});
	});

	it('refuses a language we do not offer and a name that is too long', () => {
		expect(messages(onboardingSchema.safeParse({ display_name: 'x'.repeat(81), area_id: area, preferred_language: 'fr' }))).toEqual({
			display_name: 'errors.name_too_long',
			preferred_language: 'errors.language_missing'
		});
	});

	it('a phone number may be empty on one’s own profile, not when a coordinator registers someone', () => {
		expect(profileSchema.parse({ display_name: 'Truus', area_id: area, phone: '' }).phone).toBe('');
		expect(messages(profileSchema.safeParse({ display_name: 'Truus', area_id: area, phone: 'bel me' }))).toEqual({
			phone: 'errors.phone_invalid'
		});
		expect(messages(registerResidentSchema.safeParse({ display_name: 'Bos', area_id: area, phone: '' }))).toEqual({
			phone: 'errors.phone_missing'
		});
	});
});

describe('the VOG date a coordinator fills in', () => {
	const volunteer = '00000000-0000-4000-8000-000000000307';
	it('may be empty (no VOG) or a day that has passed, not a day to come', () => {
		expect(vogDateSchema.parse({ volunteer, vog_date: '' }).vog_date).toBe('');
		expect(vogDateSchema.parse({ volunteer, vog_date: ' 2026-03-01 ' }).vog_date).toBe('2026-03-01');
		expect(messages(vogDateSchema.safeParse({ volunteer, vog_date: '2999-01-01' }))).toEqual({ vog_date: 'coordination.vogDateWrong' });
		expect(messages(vogDateSchema.safeParse({ volunteer, vog_date: '1 maart' }))).toEqual({ vog_date: 'coordination.vogDateWrong' });
		expect(messages(vogDateSchema.safeParse({ volunteer: 'pieter', vog_date: '' }))).toEqual({ volunteer: 'errors.form' });
	});
});

describe('dates and numbers for nl-NL', () => {
	it('writes dates in words', () => {
		expect(formatDate('2026-12-11T10:00:00Z', 'nl')).toBe('vrijdag 11 december');
		expect(formatDateTime('2026-12-11T13:05:00Z', 'nl')).toBe('vrijdag 11 december 2026 om 14:05');
	});
});

describe('a failing migration', () => {
	it('is reported with its line and statement', () => {
		const sql = 'create table a (id int);\n\ncreate tabel b (id int);\n';
		const position = sql.indexOf('tabel') + 1;
		expect(locateError(sql, position)).toEqual({ line: 3, statement: 'create tabel b (id int);' });
	});
});
