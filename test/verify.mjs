// npm run verify: n8n's verification scan (@n8n/scan-community-package) without the registry. The
// scanner's CLI downloads the published package and its attested source; this runs its exported
// analyzePackage on this checkout (its SOURCE_FILE_PATTERNS) and on the tarball `npm pack` makes of
// the build (compiled .js and package.json, as the CLI scans a download), and checks that
// eslint.config.mjs gives every scanned source file the scanner's rules.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const work = mkdtempSync(join(tmpdir(), 'verify-'));
// The scanner makes a temp folder when it is loaded and never removes it: make it in ours.
process.env.TMPDIR = work;
const scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');

const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const entries = [...packageJson.n8n.nodes, ...packageJson.n8n.credentials];

async function rulesDrift() {
	const files = ['package.json'];
	for (const dir of ['nodes', 'credentials']) {
		for (const file of readdirSync(join(root, dir), { recursive: true })) {
			if (/\.(js|ts|json)$/.test(file)) files.push(join(dir, file));
		}
	}
	const ours = new ESLint({ cwd: root });
	const scan = new ESLint({
		cwd: root,
		overrideConfigFile: true,
		overrideConfig: await scanner.buildScanConfig(),
	});
	const drift = new Map();
	for (const file of files) {
		const wanted = (await scan.calculateConfigForFile(file)).rules;
		const got = (await ours.calculateConfigForFile(file))?.rules ?? {};
		for (const [rule, setting] of Object.entries(wanted)) {
			if (JSON.stringify(got[rule]) !== JSON.stringify(setting)) {
				const difference = `${rule} is ${JSON.stringify(got[rule] ?? 'absent')} in eslint.config.mjs, ${JSON.stringify(setting)} in the scan`;
				drift.set(difference, [...(drift.get(difference) ?? []), file]);
			}
		}
	}
	return { files: files.length, drift };
}

function packTarball() {
	const missing = entries.filter((entry) => !existsSync(join(root, entry)));
	if (missing.length > 0)
		throw new Error(`${missing.join(', ')} not built: run npm run build first`);
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
	);
	const dir = join(work, 'package');
	mkdirSync(dir);
	execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', dir, '--strip-components=1']);
	const lost = entries.filter((entry) => !existsSync(join(dir, entry)));
	if (lost.length > 0) throw new Error(`the tarball lacks ${lost.join(', ')}`);
	return { dir, filename: packed.filename, files: packed.entryCount };
}

function report(label, result) {
	const passed = result.passed && result.message === undefined;
	console.log(
		`${passed ? '✅' : '❌'} ${label}: ${passed ? 'passed' : (result.message ?? 'failed')}`,
	);
	if (result.details) console.log(result.details);
	return passed;
}

let ok = true;
try {
	const { files, drift } = await rulesDrift();
	console.log(
		`${drift.size === 0 ? '✅' : '❌'} eslint.config.mjs against the scan's config: ${files} files, ${drift.size === 0 ? 'the same rules' : `${drift.size} differences`}`,
	);
	for (const [difference, where] of drift)
		console.log(
			`  ${difference}: ${where[0]}${where.length > 1 ? ` and ${where.length - 1} more` : ''}`,
		);
	ok = drift.size === 0;

	ok =
		report(
			'source (package.json, nodes/, credentials/)',
			await scanner.analyzePackage(root, scanner.SOURCE_FILE_PATTERNS),
		) && ok;

	const tarball = packTarball();
	ok =
		report(
			`tarball ${tarball.filename} (${tarball.files} files; its .js and package.json)`,
			await scanner.analyzePackage(tarball.dir, ['**/*.js', 'package.json']),
		) && ok;
} catch (error) {
	console.log(`❌ ${error.message}`);
	ok = false;
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exitCode = ok ? 0 : 1;
