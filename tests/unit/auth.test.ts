import { describe, expect, it } from 'vitest';
import { codeSchema, emailSchema, normaliseCode } from '../../src/lib/schemas/auth';
import { constantTimeEqual, generateSignInCode, seal, sha256, unseal } from '../../src/lib/server/auth/crypto';
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

describe('the sealed sign-in cookie', () => {
	const secret = 'a-long-random-secret-for-the-test-only';
	const pending = { email: 'truus@voorbeeld.nl', codeId: '00000000-0000-4000-8000-000000000001', until: 1 };

	it('opens only with the same secret and purpose, and hides the address', () => {
		const sealed = seal(secret, 'sign-in cookie', pending);
		expect(unseal(secret, 'sign-in cookie', sealed)).toEqual(pending);
		expect(sealed).not.toContain('truus');
		expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('truus');
		expect(unseal('another-secret', 'sign-in cookie', sealed)).toBeNull();
		expect(unseal(secret, 'another purpose', sealed)).toBeNull();
	});

	it('refuses a changed, cut or hand-made value', () => {
		const sealed = seal(secret, 'sign-in cookie', pending);
		const raw = Buffer.from(sealed, 'base64url');
		raw[raw.length - 1] ^= 1;
		expect(unseal(secret, 'sign-in cookie', raw.toString('base64url'))).toBeNull();
		expect(unseal(secret, 'sign-in cookie', sealed.slice(0, 20))).toBeNull();
		expect(unseal(secret, 'sign-in cookie', 'truus@voorbeeld.nl')).toBeNull();
		expect(unseal(secret, 'sign-in cookie', Buffer.from(JSON.stringify(pending)).toString('base64url'))).toBeNull();
		expect(unseal(secret, 'sign-in cookie', undefined)).toBeNull();
	});
});
