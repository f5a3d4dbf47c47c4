// Where a person goes after signing in: only a path on this site, never another site.
import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInFor } from '../../src/lib/server/auth/return-path';

describe('the return address after signing in', () => {
	it('keeps a path on this site with its query', () => {
		expect(safeReturnPath('/initiatieven/uitnodiging/abcDEF123_-xyz0123456789')).toBe('/initiatieven/uitnodiging/abcDEF123_-xyz0123456789');
		expect(safeReturnPath('/hulp?soort=buddy')).toBe('/hulp?soort=buddy');
		expect(safeReturnPath('/%2F%2Felders')).toBe('/%2F%2Felders'); // a path here: a browser does not decode it into a host
		expect(signInFor('/account')).toBe('/inloggen?terug=%2Faccount');
		expect(signInFor('/')).toBe('/inloggen');
		expect(signInFor(null)).toBe('/inloggen');
	});

	it('refuses other sites, odd characters and the sign-in pages themselves', () => {
		for (const bad of [
			'https://elders.example/',
			'//elders.example/pad',
			'/\\elders.example',
			'\\\\elders.example',
			'javascript:alert(1)',
			'/hulp\nLocation: x',
			'/hulp pagina',
			'hulp',
			'',
			null,
			undefined,
			'/inloggen',
			'/inloggen/code',
			'/uitloggen',
			`/${'a'.repeat(600)}`
		]) {
			expect(safeReturnPath(bad), String(bad)).toBeNull();
		}
	});
});
