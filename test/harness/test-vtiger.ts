/**
 * npm run test:vtiger: the workflow tests that can run against a real Vtiger, run against one.
 * The target comes from VTIGER_URL, VTIGER_USERNAME and VTIGER_ACCESS_KEY, or else from the env
 * file `npm run vtiger:up` writes (VTIGER_ENV_FILE, .cache/vtiger/target.env,
 * /var/tmp/n8n-vtiger-test/target.env), which also names a user who is not an admin
 * (VTIGER_NONADMIN_USERNAME, VTIGER_NONADMIN_ACCESS_KEY; the tests of that user need it). One CRM: the files run one after the other (--runInBand).
 * It sets VTIGER_JEST_TARGET=real for jest (test/harness/target.ts). Extra arguments go to jest;
 * test files (*.ts) among them replace the default, every file of test/workflows/.
 */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

// Every workflow test file: the tests that need the emulator's controls are listed as skipped there
// (emulatorOnly, emulatorOnlyDescribe in test/harness/target.ts).
const FILES = ['test/workflows/'];
const VARIABLES = ['VTIGER_URL', 'VTIGER_USERNAME', 'VTIGER_ACCESS_KEY'];
const root = join(__dirname, '../..');

function loadEnvFile(path: string): void {
	for (const line of readFileSync(path, 'utf8').split('\n')) {
		const match = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
		if (!match) continue;
		const value = match[2].trim().replace(/^(['"])(.*)\1$/, '$2');
		process.env[match[1]] ??= value;
	}
}

if (VARIABLES.some((name) => !process.env[name])) {
	const candidates = [
		process.env.VTIGER_ENV_FILE,
		join(root, '.cache/vtiger/target.env'),
		'/var/tmp/n8n-vtiger-test/target.env',
	];
	const file = candidates.find((path): path is string => !!path && existsSync(path));
	if (!file) {
		console.error(
			`test:vtiger needs a real Vtiger: set ${VARIABLES.join(', ')}, or run npm run vtiger:up, which writes ` +
				`${candidates.filter(Boolean).join(' or ')} (VTIGER_ENV_FILE names another file).`,
		);
		process.exit(2);
	}
	loadEnvFile(file);
	const missing = VARIABLES.filter((name) => !process.env[name]);
	if (missing.length > 0) {
		console.error(`test:vtiger: ${file} does not set ${missing.join(', ')}.`);
		process.exit(2);
	}
	console.log(`test:vtiger: target from ${file}`);
}
console.log(`test:vtiger: ${process.env.VTIGER_URL} as ${process.env.VTIGER_USERNAME}`);

const jest = join(root, 'node_modules/.bin/jest');
// The switch test/harness/target.ts reads: without it, jest stays on the emulator.
process.env.VTIGER_JEST_TARGET = 'real';
const extra = process.argv.slice(2);
const files = extra.some((arg) => arg.endsWith('.ts')) ? [] : FILES;
// A real CRM answers in tens of milliseconds, not one: a test seeding 250 records needs minutes.
const result = spawnSync(
	jest,
	['--runInBand', '--verbose', '--testTimeout=300000', ...files, ...extra],
	{ cwd: root, stdio: 'inherit', env: process.env },
);
process.exit(result.status ?? 1);
