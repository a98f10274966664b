/** A real n8n with this package loaded, in its own user folder (shared by `npm start` and `npm run e2e`). */
import { spawn, type ChildProcess } from 'child_process';
import { appendFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';

import type { Runtime } from './runtime';

const PACKAGE_ROOT = resolve(__dirname, '../..');
const PACKAGE_NAME = 'n8n-nodes-vtiger-webservice';
export const VTIGER_NODE_TYPE = `${PACKAGE_NAME}.vtiger`;

export interface N8nOptions {
	userFolder: string;
	port: number;
	brokerPort: number;
	/** Set last, over the defaults (e.g. queue mode and PostgreSQL). */
	env?: NodeJS.ProcessEnv;
}

export interface CommandResult {
	code: number;
	stdout: string;
	stderr: string;
}

export class N8n {
	private server?: ChildProcess;

	constructor(
		private readonly runtime: Runtime,
		readonly options: N8nOptions,
	) {}

	get url(): string {
		return `http://127.0.0.1:${this.options.port}`;
	}

	private env(): NodeJS.ProcessEnv {
		return {
			...process.env,
			PATH: this.runtime.path,
			N8N_USER_FOLDER: this.options.userFolder,
			N8N_ENCRYPTION_KEY: 'vtiger-node-e2e-fixed-encryption-key',
			DB_TYPE: 'sqlite',
			N8N_PORT: String(this.options.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(this.options.brokerPort),
			N8N_SECURE_COOKIE: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			// It fetches a list of MCP servers from api.n8n.io at start; this machine has no such network.
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'info',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			...this.options.env,
		};
	}

	/** Copies the built package (package.json + dist) where n8n loads community nodes from. */
	installPackage(): void {
		const target = join(this.options.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
		rmSync(target, { recursive: true, force: true });
		mkdirSync(target, { recursive: true });
		cpSync(join(PACKAGE_ROOT, 'package.json'), join(target, 'package.json'));
		cpSync(join(PACKAGE_ROOT, 'dist'), join(target, 'dist'), { recursive: true });
	}

	/** One n8n CLI command; one that hangs (such as on a database that went away) is killed after 3 minutes. */
	async command(args: string[]): Promise<CommandResult> {
		return await new Promise((done, fail) => {
			const child = spawn(this.runtime.node, [this.runtime.n8nMain, ...args], {
				env: this.env(),
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let stdout = '';
			let stderr = '';
			const timer = setTimeout(() => {
				stderr += `\nn8n ${args[0]} did not finish within 3 minutes and was killed`;
				child.kill('SIGKILL');
			}, 180_000);
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			child.on('error', fail);
			child.on('exit', (code) => {
				clearTimeout(timer);
				done({ code: code ?? 1, stdout, stderr });
			});
		});
	}

	private async mustSucceed(args: string[]): Promise<CommandResult> {
		const result = await this.command(args);
		if (result.code !== 0)
			throw new Error(
				`n8n ${args.join(' ')} failed (${result.code}):\n${result.stdout}\n${result.stderr}`,
			);
		return result;
	}

	async importCredentials(credentials: object[]): Promise<void> {
		const file = join(this.options.userFolder, 'import-credentials.json');
		writeFileSync(file, JSON.stringify(credentials));
		await this.mustSucceed(['import:credentials', `--input=${file}`]);
		rmSync(file);
	}

	async importWorkflows(workflows: object[]): Promise<void> {
		const dir = join(this.options.userFolder, 'import-workflows');
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		workflows.forEach((workflow, n) =>
			writeFileSync(join(dir, `${n}.json`), JSON.stringify(workflow)),
		);
		await this.mustSucceed(['import:workflow', '--separate', `--input=${dir}`]);
		rmSync(dir, { recursive: true, force: true });
	}

	/** Makes a workflow active (published) from its next start on; n8n must not be running. */
	async publishWorkflow(workflowId: string): Promise<void> {
		await this.mustSucceed(['publish:workflow', `--id=${workflowId}`]);
	}

	/** `n8n execute --id --rawOutput`: the run data on success, the error output on failure. */
	async execute(
		workflowId: string,
	): Promise<{ code: number; run?: ExecutionOutput; output: string }> {
		const result = await this.command(['execute', `--id=${workflowId}`, '--rawOutput']);
		const output = `${result.stdout}\n${result.stderr}`;
		// The run data is printed with JSON.stringify(data, null, 2): its root braces are the only
		// lines that are exactly "{" and "}"; log lines may come before and after it.
		const lines = result.stdout.split('\n');
		const start = lines.findIndex((line) => line === '{');
		const end = lines.findIndex((line, n) => n > start && line === '}');
		const run =
			result.code === 0 && start >= 0 && end > start
				? (JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionOutput)
				: undefined;
		return { code: result.code, run, output };
	}

	/**
	 * Starts `n8n start` (or `n8n worker`, whose health server must then listen on `port`) and waits
	 * until it is ready; its output goes to `logFile` when given.
	 */
	async start(logFile?: string, command: 'start' | 'worker' = 'start'): Promise<ChildProcess> {
		const server = spawn(this.runtime.node, [this.runtime.n8nMain, command], {
			env: this.env(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.server = server;
		let log = '';
		const keep = (chunk: Buffer) => {
			log = (log + chunk.toString()).slice(-8000);
			if (logFile) appendFileSync(logFile, chunk);
		};
		server.stdout?.on('data', keep);
		server.stderr?.on('data', keep);
		const deadline = Date.now() + 120_000;
		while (Date.now() < deadline) {
			if (server.exitCode !== null) throw new Error(`n8n exited (${server.exitCode}):\n${log}`);
			const healthy = await fetch(`${this.url}/healthz/readiness`).then(
				(r) => r.ok,
				() => false,
			);
			if (healthy) return server;
			await new Promise((r) => setTimeout(r, 500));
		}
		throw new Error(`n8n did not become ready within 120 s:\n${log}`);
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		// A server that ended by a signal has no exit code: waiting for its 'exit' would never end.
		if (server.exitCode !== null || server.signalCode !== null) {
			console.log(
				`  (n8n had already ended: exit code ${server.exitCode}, signal ${server.signalCode})`,
			);
			return;
		}
		await new Promise<void>((done) => {
			const kill = setTimeout(() => server.kill('SIGKILL'), 15_000);
			server.once('exit', () => {
				clearTimeout(kill);
				done();
			});
			server.kill('SIGTERM');
		});
	}

	/** Creates the owner account once; a second call finds it there. */
	async setupOwner(owner: {
		email: string;
		password: string;
		firstName: string;
		lastName: string;
	}): Promise<void> {
		const response = await fetch(`${this.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(owner),
		});
		if (!response.ok && response.status !== 400)
			throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
	}
}

export interface ExecutionOutput {
	data: {
		resultData: {
			runData: Record<
				string,
				Array<{
					data?: { main: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }>> };
					error?: { message: string };
				}>
			>;
			error?: { message: string };
		};
	};
}

/** Output items (JSON) of a node's first run in an execution. */
export function nodeOutput(
	run: ExecutionOutput,
	nodeName: string,
	output = 0,
): Array<Record<string, unknown>> {
	return (
		run.data.resultData.runData[nodeName]?.[0]?.data?.main[output]?.map((item) => item.json) ?? []
	);
}
