import { z } from './zod';

// Safe-input building blocks that every form schema uses, so a forged or pasted value is refused
// at the edge with a plain message next to its field, and never reaches the database (where a
// NUL byte, an impossible date or a malformed id would end in a 500). Messages are i18n keys.

/** Control characters a person cannot type: NUL, bell, escape … (tab, newline and return stay). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** The same, plus tab and line breaks: for one-line fields such as a name. */
const CONTROL_ONE_LINE = /[\u0000-\u001F\u007F]/;
/**
 * Bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069): they turn text around on screen,
 * so "Jan‮ knaB" shows as something else. Nobody needs them in a form here; they are removed.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export const stripBidiControls = (value: string) => value.replace(BIDI_CONTROLS, '');
export const hasControlCharacters = (value: string, oneLine = false) => (oneLine ? CONTROL_ONE_LINE : CONTROL).test(value);

type TextOptions = {
	/** The most characters allowed (after trimming). */
	max: number;
	/** The message when it is longer. */
	tooLong: string;
	/** The message when it is empty; without it, empty is allowed. */
	missing?: string;
	/** A one-line field (name, address): line breaks and tabs are refused too. */
	oneLine?: boolean;
};

/**
 * Text a person typed: trimmed, bidi controls removed, control characters refused, a maximum
 * length. Stays a plain zod string (overwrite, not transform), so superforms sees its default.
 */
export function safeText({ max, tooLong, missing, oneLine = false }: TextOptions) {
	let text = z
		.string({ error: missing ?? 'errors.form' })
		.max(max * 4 + 1000, { error: tooLong, abort: true })
		.overwrite(stripBidiControls)
		.trim()
		.refine((v) => !hasControlCharacters(v, oneLine), { error: 'errors.text_control', abort: true });
	if (missing) text = text.min(1, { error: missing, abort: true });
	return text.max(max, { error: tooLong });
}

/** Whether a YYYY-MM-DD string is a day that exists (2099-02-31 does not). */
export function isCalendarDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number);
	if (year < 1900) return false;
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date as a date field sends it (YYYY-MM-DD), or empty. A date that does not exist
 * is refused with `impossible`; `check` adds a rule of the form (not in the past, …).
 */
export function calendarDate({ impossible = 'errors.date_impossible', check }: { impossible?: string; check?: { test: (date: string) => boolean; error: string } } = {}) {
	const date = z
		.string({ error: impossible })
		.trim()
		.refine((d) => d === '' || isCalendarDate(d), { error: impossible, abort: true });
	return check ? date.refine((d) => d === '' || check.test(d), { error: check.error }) : date;
}

/** The id of a row (any UUID form Postgres takes); a malformed one gets `message`. */
export const id = (message = 'errors.form') => z.guid({ error: message });

/** An id, or empty for "none". */
export const optionalId = (message = 'errors.form') => z.union([z.guid(), z.literal('')], { error: message }).default('');

/** A refusal from a domain, shown next to one field (or above the form when field is ''), with its HTTP status. */
export type FieldRefusal = { status: 400 | 403 | 404 | 409; field: string; message: string };

/**
 * "Toch versturen": the officer sends a text with plain-language tips as it is (a button without
 * JavaScript, a hidden field with it). Empty means: show the tips first.
 */
export const sendAnyway = () => z.enum(['', 'ja']).default('');

/** A spoken message sent with a form (a file field); checked further by the voice room. */
export const recordingField = z.instanceof(File, { error: 'voice.errors.type' }).optional();
