// The rules of the house, checked on the source: routes are thin and never reach the database
// themselves; domains import shared rooms, never each other (coordination and the front door
// may read them).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? filesUnder(path.join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [path.join(dir, e.name)] : []
	);
}

const DOMAINS = ['people', 'help', 'initiatives', 'carers', 'social-map', 'signals'];
const READERS = ['coordination', 'home']; // may read the domains
const SHARED_ROOMS = ['auth', 'db', 'forms', 'jobs', 'mail', 'moderation', 'notifications', 'voice'];

describe('lib/server', () => {
	it('every folder is a shared room, a domain or a reader, so a new domain is checked below', () => {
		const folders = readdirSync('src/lib/server', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
		expect(folders.filter((f) => ![...SHARED_ROOMS, ...DOMAINS, ...READERS].includes(f))).toEqual([]);
	});
});

describe('routes', () => {
	const routeFiles = filesUnder('src/routes').filter((f) => /\+(page|layout)\.server\.ts$|\+server\.ts$/.test(f));

	it('there are route files to check', () => {
		expect(routeFiles.length).toBeGreaterThan(20);
	});

	for (const file of routeFiles) {
		it(`${file} does not query the database or use the service role itself`, () => {
			const source = readFileSync(file, 'utf8');
			expect(source).not.toMatch(/\.from\(|\.rpc\(/);
			expect(source).not.toMatch(/adminClient/);
			expect(source).not.toMatch(/'(42501|P0001|P0002|23505|23503|22023|22P02)'/);
		});

		it(`${file} is thin: at most 60 lines, forms read with superforms (no hand-written safeParse)`, () => {
			const source = readFileSync(file, 'utf8');
			expect(source.trimEnd().split('\n').length).toBeLessThanOrEqual(60);
			expect(source).not.toMatch(/\.safeParse\(/);
		});
	}
});

describe('domains', () => {
	for (const domain of DOMAINS) {
		const dir = path.join('src/lib/server', domain);
		let files: string[] = [];
		try {
			files = filesUnder(dir);
		} catch {
			continue; // not built yet
		}
		for (const file of files) {
			it(`${file} imports no other domain`, () => {
				const source = readFileSync(file, 'utf8');
				const imported = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
				const others = [...DOMAINS, ...READERS].filter((d) => d !== domain);
				const wrong = imported.filter((spec) => others.some((d) => spec === `../${d}` || spec.startsWith(`../${d}/`) || spec.startsWith(`$lib/server/${d}`)));
				expect(wrong).toEqual([]);
			});
		}
	}

	it('the shared rooms import no domain', () => {
		const rooms = ['notifications', 'moderation', 'voice', 'db', 'auth', 'mail', 'audit'].flatMap((room) => {
			try {
				return filesUnder(path.join('src/lib/server', room));
			} catch {
				return [];
			}
		});
		const wrong = rooms.filter((file) => {
			const imported = [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
			return imported.some((spec) => [...DOMAINS, ...READERS].some((d) => spec === `../${d}` || spec.startsWith(`../${d}/`) || spec.startsWith(`$lib/server/${d}`)));
		});
		expect(wrong).toEqual([]);
	});
});
