import { describe, expect, it } from 'vitest';
import { codeSchema, emailSchema, normaliseCode } from '../../src/lib/schemas/auth';
import { constantTimeEqual, generateSignInCode, sha256 } from '../../src/lib/server/auth/crypto';
import { fromBytea, toBytea } from '../../src/lib/server/db/bytea';
import { safeReturnPath } from '../../src/lib/server/auth/guard';

describe('sign-in input', () => {
	it('accepts an e-mail address with spaces and capitals, and stores it in lower case', () => {
		expect(emailSchema.parse({ email: '  Truus@Voorbeeld.NL ' })).toEqual({ email: 'truus@voorbeeld.nl' });
	});

	it('says what is wrong with a missing or malformed address', () => {
		const issue = (email: string) => emailSchema.safeParse({ email }).error?.issues[0].message;
		expect(issue('')).toBe('errors.email_missing');
		expect(issue('truus')).toBe('errors.email_invalid');
		expect(issue('truus@')).toBe('errors.email_invalid');
	});

	it('takes a code with or without a space in the middle', () => {
		expect(codeSchema.safeParse({ code: '123 456' }).success).toBe(true);
		expect(normaliseCode('123 456')).toBe('123456');
		expect(codeSchema.safeParse({ code: '12345' }).error?.issues[0].message).toBe('errors.code_format');
		expect(codeSchema.safeParse({ code: 'abcdef' }).success).toBe(false);
	});
});

describe('auth crypto', () => {
	it('makes six-digit codes, leading zeros included', () => {
		for (let i = 0; i < 200; i++) expect(generateSignInCode()).toMatch(/^\d{6}$/);
	});

	it('compares hashes in constant time and round-trips bytea', () => {
		const hash = sha256('geheim');
		expect(constantTimeEqual(hash, fromBytea(toBytea(hash)))).toBe(true);
		expect(constantTimeEqual(hash, sha256('anders'))).toBe(false);
		expect(constantTimeEqual(hash, hash.subarray(0, 16))).toBe(false);
	});

	it('only returns to paths on this site after a form', () => {
		expect(safeReturnPath('/account')).toBe('/account');
		expect(safeReturnPath('//evil.example')).toBe('/');
		expect(safeReturnPath('https://evil.example')).toBe('/');
		expect(safeReturnPath(null)).toBe('/');
	});

	it('refuses paths a browser reads as another site: backslashes, tabs, newlines', () => {
		for (const evil of ['/\\evil.example', '/\\/evil.example', '\\\\evil.example', '/\t/evil.example', '/\n/evil.example', '/%09/evil.example/..', '///evil.example']) {
			const path = safeReturnPath(evil);
			expect(new URL(path, 'https://omzien.example').origin, evil).toBe('https://omzien.example');
			expect(path.startsWith('//')).toBe(false);
		}
		expect(safeReturnPath('/\\evil.example')).toBe('/');
		expect(safeReturnPath('/hulp?x=1#boven')).toBe('/hulp?x=1#boven');
	});
});
