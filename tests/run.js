// `npm test`: every layer in one go (types, unit, integration, e2e), then one line with the sum:
// "N passed, N failed" (", N skipped" when something was skipped).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

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

const typecheck = run('npx', ['svelte-kit', 'sync']) || run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']);
layers.push({ name: 'types (svelte-check)', passed: typecheck === 0 ? 1 : 0, failed: typecheck === 0 ? 0 : 1, skipped: 0 });

for (const project of ['unit', 'integration']) {
	const file = path.join(resultsDir, `${project}.json`);
	const status = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
	layers.push(layer(project, status, file, vitestCounts));
}

const e2eFile = path.join(resultsDir, 'e2e.json');
const e2eStatus = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_FILE: e2eFile });
layers.push(layer('e2e', e2eStatus, e2eFile, playwrightCounts));

console.log('\nLayers:');
for (const l of layers) {
	console.log(`  ${l.name}: ${l.passed} passed, ${l.failed} failed${l.skipped ? `, ${l.skipped} skipped` : ''}${l.note ? ` (${l.note})` : ''}`);
}
const sum = (key) => layers.reduce((n, l) => n + l[key], 0);
const skipped = sum('skipped');
console.log(`\n${sum('passed')} passed, ${sum('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(sum('failed') > 0 ? 1 : 0);
