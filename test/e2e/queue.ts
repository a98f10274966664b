/**
 * `npm run e2e:queue`: n8n 2.41.1 in queue mode (a main, three `n8n worker`s, Redis, PostgreSQL,
 * all on 127.0.0.1) against the Vtiger emulator with 20 ms latency. Three scenarios: a burst of
 * webhook executions creating contacts, the same while Vtiger drops every session, and the
 * trigger polling on the main while records are created. Everything started is stopped at the end,
 * also after a failure or Ctrl-C.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';

import { VtigerEmulator } from '../emulator';
import { N8n, VTIGER_NODE_TYPE } from './n8n';
import { CACHE_DIR, ensureRuntime } from './runtime';
import {
	ensureDebianPackages,
	portAllocator,
	startPostgres,
	startRedis,
	type Postgres,
} from './services';
import { runSuite, Suite } from './suite';
import { credentialFile } from './target';
import { SANDBOX_CREDENTIAL } from './workflows';

const DIR = join(CACHE_DIR, 'queue');
const PID_FILE = join(CACHE_DIR, 'queue.pid');
const WORKERS = 3;
const CALLS = 30;
const PER_CALL = 50;
const LATENCY_MS = 20;
const WEBHOOK_PATH = 'vtiger-queue-create';
const CREATE_WORKFLOW = 'queueCreate';
const TRIGGER_WORKFLOW = 'queueTrigger';
/** n8n's shortest poll interval is one minute; the trigger scenario inserts a batch every 30 s. */
const TRIGGER_BATCHES = 4;
const TRIGGER_BATCH_SIZE = 25;
const TRIGGER_BATCH_EVERY_MS = 30_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

type Connections = Record<
	string,
	{ main: Array<Array<{ node: string; type: 'main'; index: number }>> }
>;

function chain(names: string[]): Connections {
	const connections: Connections = {};
	for (let n = 1; n < names.length; n++)
		connections[names[n - 1]] = { main: [[{ node: names[n], type: 'main', index: 0 }]] };
	return connections;
}

const credentials = { vtigerApi: SANDBOX_CREDENTIAL };
const code = (name: string, jsCode: string, x: number) => ({
	id: `${name}-code`,
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	position: [x, 0],
	parameters: { jsCode },
});

/** Webhook (answers when the execution has finished) > 50 contacts `<tag>-<call>-<n>` > Create > their last names. */
function createWorkflow(): object {
	return {
		id: CREATE_WORKFLOW,
		name: 'Queue mode: create contacts per call',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'queue-webhook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '6f1d7c3e-9a57-4c1e-8f0e-5b2a1d9c4e70',
				parameters: {
					httpMethod: 'POST',
					path: WEBHOOK_PATH,
					responseMode: 'lastNode',
					responseData: 'firstEntryJson',
					options: {},
				},
			},
			code(
				'Contacts',
				`const { tag, call } = $json.body;\nreturn Array.from({ length: ${PER_CALL} }, (_, n) => ({ json: { lastname: \`\${tag}-\${call}-\${n + 1}\` } }));`,
				220,
			),
			{
				id: 'queue-create',
				name: 'Create',
				type: VTIGER_NODE_TYPE,
				typeVersion: 1,
				position: [440, 0],
				credentials,
				parameters: {
					resource: 'record',
					operation: 'create',
					module: 'Contacts',
					fieldsInput: 'json',
					fieldsJson: '={{ JSON.stringify($json) }}',
				},
			},
			code(
				'Summary',
				'return [{ json: { created: $input.all().map((item) => item.json.lastname) } }];',
				660,
			),
		],
		connections: chain(['Webhook', 'Contacts', 'Create', 'Summary']),
	};
}

/** Vtiger CRM Trigger on new contacts `<prefix>...` > one comment `<tag>-seen-<id>` on each emitted record. */
function triggerWorkflow(prefix: string, tag: string): object {
	return {
		id: TRIGGER_WORKFLOW,
		name: 'Queue mode: comment on every new contact',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'queue-trigger',
				name: 'New contact',
				type: `${VTIGER_NODE_TYPE}Trigger`,
				typeVersion: 1,
				position: [0, 0],
				credentials,
				parameters: {
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					module: 'Contacts',
					event: 'created',
					conditions: { condition: [{ field: 'lastname', operator: 'startsWith', value: prefix }] },
				},
			},
			{
				id: 'queue-comment',
				name: 'Comment',
				type: VTIGER_NODE_TYPE,
				typeVersion: 1,
				position: [220, 0],
				credentials,
				parameters: {
					resource: 'comment',
					operation: 'add',
					recordId: '={{ $json.id }}',
					comment: `={{ "${tag}-seen-" + $json.id }}`,
				},
			},
		],
		connections: chain(['New contact', 'Comment']),
	};
}

/** Runs the stop functions (last started first) once, however often it is called. */
function stopper(): { add(stop: () => Promise<void>): void; stopAll(): Promise<void> } {
	const stops: Array<() => Promise<void>> = [];
	let stopping: Promise<void> | undefined;
	return {
		add: (stop) => void stops.unshift(stop),
		stopAll: async () => {
			stopping ??= (async () => {
				for (const stop of stops) await stop().catch((error: unknown) => console.error(error));
			})();
			await stopping;
		},
	};
}

interface Cluster {
	tag: string;
	emulator: VtigerEmulator;
	pg: Postgres;
	main: N8n;
	workers: N8n[];
}

/** One run at a time: a second one would delete the folders and databases of the first. */
function claimCacheDir(): void {
	if (existsSync(PID_FILE)) {
		const pid = Number(readFileSync(PID_FILE, 'utf8'));
		let running = true;
		try {
			process.kill(pid, 0);
		} catch {
			running = false;
		}
		if (running) throw new Error(`another npm run e2e:queue (pid ${pid}) is using ${DIR}`);
	}
	writeFileSync(PID_FILE, String(process.pid));
}

const logOf = (n8n: N8n) => join(n8n.options.userFolder, 'n8n.log');

/** Starts everything (each registered with `onStop` as soon as it runs) and publishes the webhook workflow. */
async function setUp(onStop: (stop: () => Promise<void>) => void): Promise<Cluster> {
	ensureDebianPackages({ 'redis-server': '/usr/bin/redis-server', postgresql: '/usr/bin/psql' });
	const runtime = await ensureRuntime();
	claimCacheDir();
	onStop(async () => rmSync(PID_FILE, { force: true }));
	rmSync(DIR, { recursive: true, force: true });
	mkdirSync(DIR, { recursive: true });
	const port = portAllocator(5700);
	const tag = `q${Date.now().toString(36)}`;

	const redis = await startRedis(await port(), join(DIR, 'redis.log'));
	onStop(redis.stop);
	const pg = await startPostgres(await port(), join(DIR, 'postgres'), join(DIR, 'postgres.log'));
	onStop(pg.stop);
	const emulator = await VtigerEmulator.start({ latencyMs: LATENCY_MS });
	onStop(async () => await emulator.stop());

	const queueEnv = {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'postgres',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
	};
	const main = new N8n(runtime, {
		userFolder: join(DIR, 'main'),
		port: await port(),
		brokerPort: await port(),
		env: queueEnv,
	});
	const workers: N8n[] = [];
	for (let n = 1; n <= WORKERS; n++) {
		const health = await port();
		workers.push(
			new N8n(runtime, {
				userFolder: join(DIR, `worker-${n}`),
				port: health,
				brokerPort: await port(),
				env: {
					...queueEnv,
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(health),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				},
			}),
		);
	}
	for (const n8n of [main, ...workers]) {
		n8n.installPackage();
		onStop(async () => await n8n.stop());
	}
	console.log(
		`e2e:queue: Redis :${redis.port}, PostgreSQL :${pg.port}, n8n main :${main.options.port}, ${WORKERS} workers, emulator ${emulator.url} (${LATENCY_MS} ms), tag ${tag}`,
	);
	await main.importCredentials([
		credentialFile(SANDBOX_CREDENTIAL.id, SANDBOX_CREDENTIAL.name, emulator),
	]);
	await main.importWorkflows([createWorkflow(), triggerWorkflow(`${tag}-t-`, tag)]);
	await main.publishWorkflow(CREATE_WORKFLOW);
	await Promise.all([
		main.start(logOf(main)),
		...workers.map(async (w) => await w.start(logOf(w), 'worker')),
	]);
	// The main answers its health check before it has activated the published workflows.
	const registered = `SELECT count(*) FROM webhook_entity WHERE "webhookPath" = '${WEBHOOK_PATH}'`;
	for (let n = 0; n < 120 && pg.query(registered)[0][0] === '0'; n++) await sleep(500);
	assert.equal(pg.query(registered)[0][0], '1', 'the webhook is registered');
	return { tag, emulator, pg, main, workers };
}

async function scenarios(
	suite: Suite,
	{ tag, emulator, pg, main, workers }: Cluster,
): Promise<void> {
	const lastExecutionId = () =>
		Number(pg.query('SELECT coalesce(max(id), 0) FROM execution_entity')[0][0]);
	/** Executions after `afterId` of a workflow, by status, once none of them is still running. */
	const finishedExecutions = async (
		workflowId: string,
		afterId: number,
		expected: number,
	): Promise<Record<string, number>> => {
		const sql = `SELECT status, count(*) FROM execution_entity WHERE id > ${afterId} AND "workflowId" = '${workflowId}' GROUP BY status`;
		for (let attempt = 0; ; attempt++) {
			const byStatus = Object.fromEntries(
				pg.query(sql).map(([status, count]) => [status, Number(count)]),
			);
			const done = Object.entries(byStatus).filter(
				([s]) => !['new', 'running', 'waiting'].includes(s),
			);
			if (done.reduce((sum, [, count]) => sum + count, 0) >= expected || attempt === 60)
				return byStatus;
			await sleep(500);
		}
	};
	/** The distinct error messages of failed executions after `afterId` (their data is stored in flatted form). */
	const failureMessages = (workflowId: string, afterId: number): string[] => {
		const rows = pg.query(
			`SELECT d.data FROM execution_data d JOIN execution_entity e ON e.id = d."executionId" WHERE e.id > ${afterId} AND e."workflowId" = '${workflowId}' AND e.status <> 'success'`,
		);
		const messages = rows.flatMap(([data]) => {
			const flat = JSON.parse(data) as unknown[];
			return flat
				.filter(
					(o): o is { message: string } => typeof o === 'object' && o !== null && 'message' in o,
				)
				.map((o) => flat[Number(o.message)]);
		});
		return [...new Set(messages.map(String))];
	};
	const refusedLogins = () =>
		emulator.requests.filter((r) => r.operation === 'login' && !r.success).length;
	/** How many executions after `afterId` each worker's log says it ran. */
	const perWorker = (afterId: number) =>
		workers.map(
			(w) =>
				[...readFileSync(logOf(w), 'utf8').matchAll(/Worker started execution (\d+)/g)].filter(
					(m) => Number(m[1]) > afterId,
				).length,
		);

	/** CALLS webhook calls at once; checks responses, executions, records; returns the figures. */
	const burst = async (prefix: string): Promise<string> => {
		const before = lastExecutionId();
		emulator.clearRequests();
		const t0 = Date.now();
		const responses = await Promise.all(
			Array.from({ length: CALLS }, async (_, call) => {
				const response = await fetch(`${main.url}/webhook/${WEBHOOK_PATH}`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ tag: prefix, call }),
					signal: AbortSignal.timeout(300_000),
				});
				return { call, status: response.status, text: await response.text() };
			}),
		);
		const wallMs = Date.now() - t0;
		const executions = await finishedExecutions(CREATE_WORKFLOW, before, CALLS);
		assert.deepEqual(
			executions,
			{ success: CALLS },
			`executions by status; errors: ${failureMessages(CREATE_WORKFLOW, before).join(' | ')}`,
		);
		const names = (call: number) =>
			Array.from({ length: PER_CALL }, (_, n) => `${prefix}-${call}-${n + 1}`);
		for (const { call, status, text } of responses) {
			assert.equal(status, 200, `call ${call}: HTTP ${status} ${text.slice(0, 500)}`);
			assert.deepEqual(
				(JSON.parse(text) as { created: string[] }).created,
				names(call),
				`call ${call}`,
			);
		}
		const stored = emulator
			.records('Contacts')
			.map((r) => String(r.lastname))
			.filter((name) => name.startsWith(`${prefix}-`));
		const expected = Array.from({ length: CALLS }, (_, call) => names(call)).flat();
		assert.deepEqual(stored.sort(), expected.sort(), 'every record created exactly once');
		const runs = perWorker(before);
		assert.equal(
			runs.reduce((a, b) => a + b, 0),
			CALLS,
			`executions per worker ${runs.join('/')}`,
		);
		assert.ok(runs.filter((r) => r > 0).length >= 2, `executions per worker ${runs.join('/')}`);
		const requests = emulator.requests.length;
		const sessions = new Set(
			emulator.requests.filter((r) => r.operation === 'create').map((r) => r.sessionName),
		).size;
		return [
			`wall ${seconds(wallMs)}`,
			`${emulator.count('login')} logins (${refusedLogins()} refused: another worker had replaced the token)`,
			`${requests} requests (${(requests / expected.length).toFixed(3)} per record)`,
			`${CALLS} executions, 0 failed, per worker ${runs.join('/')}`,
			`${sessions} sessions`,
		].join(', ');
	};

	await suite.check(
		`1. ${CALLS} webhook executions at once, ${PER_CALL} contacts each, on ${WORKERS} workers`,
		async () => await burst(`${tag}-a`),
	);

	await suite.check('2. the same while Vtiger drops every session in the middle', async () => {
		emulator.killSessionsAfter((CALLS * PER_CALL) / 2);
		const figures = await burst(`${tag}-b`);
		const rejected = emulator.requests.filter((r) => r.code === 'INVALID_SESSIONID').length;
		assert.ok(rejected > 0, 'the sessions were killed while executions ran');
		return `${figures}, ${rejected} requests rejected with INVALID_SESSIONID`;
	});

	await suite.check('3. the trigger polls on the main, each new contact emitted once', async () => {
		await main.stop();
		await main.publishWorkflow(TRIGGER_WORKFLOW);
		const before = lastExecutionId();
		emulator.clearRequests();
		await main.start(logOf(main));
		// The activation poll only takes note of "now"; records inserted before it ends are not news.
		for (let n = 0; n < 120 && emulator.count('query') === 0; n++) await sleep(500);
		assert.ok(emulator.count('query') > 0, 'the activation poll queried Vtiger');
		const t0 = Date.now();
		const inserted: string[] = [];
		for (let batch = 0; batch < TRIGGER_BATCHES; batch++) {
			if (batch > 0) await sleep(TRIGGER_BATCH_EVERY_MS);
			for (let n = 1; n <= TRIGGER_BATCH_SIZE; n++)
				inserted.push(emulator.insert('Contacts', { lastname: `${tag}-t-${batch}-${n}` }));
		}
		const seen = () =>
			emulator
				.records('ModComments')
				.map((c) => String(c.commentcontent))
				.filter((text) => text.startsWith(`${tag}-seen-`));
		for (let n = 0; n < 300 && seen().length < inserted.length; n++) await sleep(500);
		const polls = () => emulator.count('describe');
		// One more poll cycle: nothing may come twice.
		const pollsSoFar = polls();
		for (let n = 0; n < 180 && polls() === pollsSoFar; n++) await sleep(500);
		await sleep(5_000);
		const wallMs = Date.now() - t0;
		assert.deepEqual(
			seen().sort(),
			inserted.map((id) => `${tag}-seen-${id}`).sort(),
			'one comment per new contact',
		);
		const executions = pg.query(
			`SELECT status, count(*) FROM execution_entity WHERE id > ${before} AND "workflowId" = '${TRIGGER_WORKFLOW}' GROUP BY status`,
		);
		const byStatus = Object.fromEntries(
			executions.map(([status, count]) => [status, Number(count)]),
		);
		assert.deepEqual(
			Object.keys(byStatus),
			['success'],
			`trigger executions by status ${JSON.stringify(byStatus)}`,
		);
		const [[staticData]] = pg.query(
			`SELECT "staticData" FROM workflow_entity WHERE id = '${TRIGGER_WORKFLOW}'`,
		);
		assert.match(staticData, /"watermark"/, 'the poll state is saved in the database');
		return [
			`${inserted.length} contacts in ${TRIGGER_BATCHES} batches over ${seconds(wallMs)}`,
			`${polls()} polls`,
			`${byStatus.success} executions, 0 failed, per worker ${perWorker(before).join('/')}`,
			`${seen().length} comments, each once`,
			`${emulator.count('login')} logins`,
		].join(', ');
	});
}

async function main(): Promise<Suite> {
	const started = Date.now();
	const suite = new Suite();
	const cleanup = stopper();
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			console.log(`\n${signal}: stopping everything ...`);
			void cleanup.stopAll().then(() => process.exit(130));
		});
	}
	process.once('uncaughtException', (error) => {
		console.error(error);
		void cleanup.stopAll().then(() => process.exit(1));
	});
	try {
		const cluster = await setUp(cleanup.add).catch((error: unknown) => error as Error);
		await suite.check(`Redis, PostgreSQL, n8n main and ${WORKERS} workers in queue mode`, () => {
			if (cluster instanceof Error) throw cluster;
			return `ready after ${seconds(Date.now() - started)}`;
		});
		if (!(cluster instanceof Error)) await scenarios(suite, cluster);
	} finally {
		await cleanup.stopAll();
	}
	return suite;
}

runSuite('e2e:queue', main);
