/**
 * `npm start`: the Vtiger emulator sandbox with demo data (or the CRM named by VTIGER_URL,
 * VTIGER_USERNAME, VTIGER_ACCESS_KEY) and a real n8n with this package, an owner account, a
 * credential for it ("Vtiger Sandbox", or "Vtiger <host>" for a CRM) and the example workflows.
 * Ctrl-C stops both.
 */
import { createHash, randomBytes } from 'crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';

import { OWNER } from './browser';
import { N8n } from './n8n';
import { CACHE_DIR, ensureRuntime } from './runtime';
import { credentialFile, vtigerTarget } from './target';
import { SANDBOX_CREDENTIAL } from './workflows';

const EXAMPLES_DIR = resolve(__dirname, '../../examples');
const USER_FOLDER = join(CACHE_DIR, 'start-home');

/** The sandbox keeps one access key across restarts, so the stored credential stays valid. */
function sandboxAccessKey(): string {
	const file = join(USER_FOLDER, 'sandbox-access-key');
	if (!existsSync(file)) writeFileSync(file, randomBytes(12).toString('base64url').slice(0, 16));
	return readFileSync(file, 'utf8').trim();
}

async function main(): Promise<void> {
	mkdirSync(USER_FOLDER, { recursive: true });
	const runtime = await ensureRuntime();
	const target = await vtigerTarget({
		port: Number(process.env.SANDBOX_PORT ?? 8765),
		accessKey: sandboxAccessKey(),
	});
	const n8n = new N8n(runtime, {
		userFolder: USER_FOLDER,
		port: Number(process.env.N8N_PORT ?? 5678),
		brokerPort: 5679,
	});
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the sandbox ...');
		await n8n.stop();
		await target.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	n8n.installPackage();
	const examples = readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.map((f) => JSON.parse(readFileSync(join(EXAMPLES_DIR, f), 'utf8')) as object);
	const credentialName = target.emulator
		? SANDBOX_CREDENTIAL.name
		: `Vtiger ${target.url.replace(/^https?:\/\//, '').split('/')[0]}`;
	const credential = credentialFile(SANDBOX_CREDENTIAL.id, credentialName, target);
	// Imports boot n8n each time, so they only run when what they would import has changed.
	const imported = join(USER_FOLDER, 'imported.sha256');
	const digest = createHash('sha256')
		.update(JSON.stringify({ credential, examples }))
		.digest('hex');
	if (!existsSync(imported) || readFileSync(imported, 'utf8') !== digest) {
		console.log('Importing the credential and the example workflows ...');
		await n8n.importCredentials([credential]);
		await n8n.importWorkflows(examples);
		writeFileSync(imported, digest);
	}
	console.log('Starting n8n ...');
	const server = await n8n.start(join(USER_FOLDER, 'n8n.log'));
	await n8n.setupOwner(OWNER);
	server.once('exit', (code) => {
		if (!stopping) {
			console.error(`n8n stopped unexpectedly (exit ${code}); see ${join(USER_FOLDER, 'n8n.log')}`);
			void stop(1);
		}
	});

	console.log(`
n8n ${target.emulator ? 'with the Vtiger sandbox' : `with ${target.url}`} is ready:

  Editor:      ${n8n.url}
  Login:       ${OWNER.email} / ${OWNER.password}
  Credential:  "${credentialName}" -> ${target.url} (user ${target.username}${
		target.emulator ? `, access key ${target.accessKey}` : ''
	})
  Examples:    ${examples.length} workflows under Overview
  n8n log:     ${join(USER_FOLDER, 'n8n.log')}

Press Ctrl-C to stop.`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
