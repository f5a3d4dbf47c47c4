// `npm test`: every layer in one go (types, unit, integration, e2e), then one line with the sum:
// "N passed, N failed" (", N skipped" when something was skipped).
// The integration and e2e layers run on the PostgreSQL version supabase/config.toml declares; then
// every other supported version gets a fresh cluster of its own, the migrations and the seed, and
// the RLS, schema and version tests (one version at a time, beside nothing else).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readSupabaseConfig, SUPPORTED_MAJORS } from '../supabase/local/stack.js';

const resultsDir = path.resolve('.data/test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

function run(command, args, env = {}) {
	console.log(`\n$ ${command} ${args.join(' ')}`);
	return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status;
}

function vitestCounts(file) {
	const r = JSON.parse(readFileSync(file, 'utf8'));
	return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function playwrightCounts(file) {
	const { stats } = JSON.parse(readFileSync(file, 'utf8'));
	return { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped };
}

/** A layer that crashed before writing its report counts as one failure, never as nothing. */
function layer(name, status, file, read) {
	if (!existsSync(file)) return { name, passed: 0, failed: 1, skipped: 0, note: `no report (exit ${status})` };
	const counts = read(file);
	if (status !== 0 && counts.failed === 0) counts.failed = 1;
	return { name, ...counts };
}

const layers = [];
const declared = readSupabaseConfig().majorVersion;

const typecheck = run('npx', ['svelte-kit', 'sync']) || run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']);
layers.push({ name: 'types (svelte-check)', passed: typecheck === 0 ? 1 : 0, failed: typecheck === 0 ? 0 : 1, skipped: 0 });

console.log(`\nPostgreSQL ${declared} (supabase/config.toml) for integration and e2e; also checked: ${SUPPORTED_MAJORS.filter((m) => m !== declared).join(', ')}`);
for (const project of ['unit', 'integration']) {
	const file = path.join(resultsDir, `${project}.json`);
	const status = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
	layers.push(layer(project, status, file, vitestCounts));
}

// The other supported Postgres versions: migrations, seed, RLS and schema on each.
const versionFiles = readdirSync('tests/integration')
	.filter((f) => /^rls-.*\.test\.ts$/.test(f) || f === 'schema.test.ts' || f === 'postgres-version.test.ts')
	.map((f) => `tests/integration/${f}`);
for (const major of SUPPORTED_MAJORS.filter((m) => m !== declared)) {
	const file = path.join(resultsDir, `integration-pg${major}.json`);
	const started = Date.now();
	const status = run(
		'npx',
		['vitest', 'run', '--project', 'integration', ...versionFiles, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
		{ OMZIEN_PG_MAJOR: String(major) }
	);
	const seconds = Math.round((Date.now() - started) / 1000);
	layers.push({ ...layer(`PostgreSQL ${major}: migrations, seed, RLS and schema`, status, file, vitestCounts), took: `${seconds} s` });
}

const e2eFile = path.join(resultsDir, 'e2e.json');
const e2eStatus = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_FILE: e2eFile });
layers.push(layer('e2e', e2eStatus, e2eFile, playwrightCounts));

console.log('\nLayers:');
for (const l of layers) {
	const notes = [l.note, l.took].filter(Boolean).join('; ');
	console.log(`  ${l.name}: ${l.passed} passed, ${l.failed} failed${l.skipped ? `, ${l.skipped} skipped` : ''}${notes ? ` (${notes})` : ''}`);
}
const sum = (key) => layers.reduce((n, l) => n + l[key], 0);
const skipped = sum('skipped');
console.log(`\n${sum('passed')} passed, ${sum('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(sum('failed') > 0 ? 1 : 0);
