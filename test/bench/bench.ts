/**
 * `npm run bench`: speed and memory of the node through n8n's engine against the emulator with a
 * fixed latency per request (default 20 ms, BENCH_LATENCY_MS). Prints a table; not a test.
 * With `--vtiger`, the create and Return All scenarios run against a real Vtiger instead (real.ts).
 */
import { fork, type ChildProcess } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-vtiger-bench-'));

import type { INodeCredentialsDetails } from 'n8n-workflow';

import { MemoryCredentialsHelper } from '../harness/credentials';
import { addCredential, createParameters, runNode, type BenchTarget } from './node';
import { benchRealVtiger } from './real';

const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 20);
const PAGE = 100;

class EmulatorProcess {
	private next = 0;
	private readonly waiting = new Map<number, (reply: unknown) => void>();

	constructor(private readonly child: ChildProcess) {
		child.on('message', (m: { id: number; reply: unknown }) => this.waiting.get(m.id)?.(m.reply));
	}

	async send<T>(command: object): Promise<T> {
		const id = ++this.next;
		return await new Promise<T>((resolve) => {
			this.waiting.set(id, (reply) => resolve(reply as T));
			this.child.send({ ...command, id });
		});
	}
}

interface Row {
	scenario: string;
	parallel: number;
	items: number;
	requests: number;
	wallMs: number;
	floorMs: number;
	rssMb: number;
}

async function main(): Promise<void> {
	const child = fork(join(__dirname, 'emulator-process.ts'), [], { execArgv: ['--import', 'tsx'] });
	const emulator = new EmulatorProcess(child);
	const target = await emulator.send<{ url: string; username: string; accessKey: string }>({
		cmd: 'start',
		latencyMs: LATENCY,
	});
	const rows: Row[] = [];
	let credentialNumber = 0;

	const measure = async (
		scenario: string,
		parallel: number,
		items: number,
		floorRequests: number,
		run: (
			credentials: MemoryCredentialsHelper,
			credential: INodeCredentialsDetails,
		) => Promise<void>,
		warm: boolean,
	) => {
		const credentials = new MemoryCredentialsHelper();
		const credential = addCredential(credentials, `bench-${++credentialNumber}`, target);
		if (warm) await run(credentials, credential);
		await emulator.send({ cmd: 'clear' });
		const started = performance.now();
		await run(credentials, credential);
		const wallMs = performance.now() - started;
		const { requests } = await emulator.send<{ requests: number }>({ cmd: 'stats' });
		const floorMs = Math.ceil(floorRequests / parallel) * LATENCY;
		rows.push({
			scenario: `${scenario}${warm ? ' (warm)' : ' (cold)'}`,
			parallel,
			items,
			requests,
			wallMs,
			floorMs,
			rssMb: process.memoryUsage().rss / 2 ** 20,
		});
		console.log(format(rows[rows.length - 1]));
	};

	console.log(header());
	const N = Number(process.env.BENCH_ITEMS ?? 1000);
	const contacts = Array.from({ length: N }, (_, n) => ({ lastname: `Bench ${n}` }));
	for (const warm of [false, true]) {
		for (const parallel of [1, 4]) {
			await measure(
				'create',
				parallel,
				N,
				N,
				async (credentials, credential) => {
					await runNode(credentials, credential, createParameters('Contacts', parallel), contacts);
				},
				warm,
			);
		}
	}
	await emulator.send({ cmd: 'latency', ms: 0 });
	const credentials = new MemoryCredentialsHelper();
	const seedCredential = addCredential(credentials, 'seed', target);
	const created = await runNode(
		credentials,
		seedCredential,
		createParameters('Leads', 4),
		Array.from({ length: N }, (_, n) => ({ lastname: `Upd ${n}`, company: 'Bench' })),
	);
	await emulator.send({ cmd: 'latency', ms: LATENCY });
	const updates = created.map((i) => ({ id: i.json.id }));
	for (const warm of [false, true]) {
		for (const parallel of [1, 4]) {
			await measure(
				'partial update',
				parallel,
				N,
				N,
				async (c, cred) => {
					await runNode(
						c,
						cred,
						{
							resource: 'record',
							operation: 'update',
							recordId: '={{ $json.id }}',
							fieldsInput: 'keyValue',
							fieldsUi: { field: [{ name: 'phone', value: '555' }] },
							parallelRequests: parallel,
						},
						updates,
					);
				},
				warm,
			);
		}
	}
	const M = Number(process.env.BENCH_ROWS ?? 10000);
	const contactsNow = async () =>
		await emulator.send<number>({ cmd: 'seed', module: 'Contacts', count: 0, prefix: '' });
	await emulator.send({
		cmd: 'seed',
		module: 'Contacts',
		count: M - (await contactsNow()),
		prefix: 'Row ',
	});
	for (const warm of [false, true]) {
		for (const parallel of [1, 4]) {
			await measure(
				`Return All ${M.toLocaleString('en')} rows`,
				parallel,
				M,
				Math.ceil(M / PAGE),
				async (c, cred) => {
					const items = await runNode(
						c,
						cred,
						{
							resource: 'record',
							operation: 'getAll',
							module: 'Contacts',
							returnAll: true,
							simplify: false,
							parallelRequests: parallel,
						},
						[{}],
					);
					if (items.length !== M) throw new Error(`expected ${M} rows, got ${items.length}`);
				},
				warm,
			);
		}
	}
	await emulator.send({ cmd: 'latency', ms: 0 });
	await measure(
		'create, zero latency (overhead)',
		1,
		N,
		0,
		async (c, cred) => {
			await runNode(c, cred, createParameters('Contacts', 1), contacts);
		},
		true,
	);
	const big = Number(process.env.BENCH_BIG_ROWS ?? 100000);
	await emulator.send({
		cmd: 'seed',
		module: 'Contacts',
		count: Math.max(0, big - (await contactsNow())),
		prefix: 'Big ',
	});
	await measure(
		`Return All ${big.toLocaleString('en')} rows (memory)`,
		4,
		big,
		Math.ceil(big / PAGE),
		async (c, cred) => {
			const items = await runNode(
				c,
				cred,
				{
					resource: 'record',
					operation: 'getAll',
					module: 'Contacts',
					returnAll: true,
					parallelRequests: 4,
					options: { fields: ['lastname', 'email'] },
				},
				[{}],
			);
			if (items.length !== big) throw new Error(`expected ${big} rows, got ${items.length}`);
		},
		true,
	);
	console.log(
		`\nlatency ${LATENCY} ms per request; peak RSS of the node process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
	);
	await emulator.send({ cmd: 'stop' });
}

function header(): string {
	return [
		'scenario',
		'parallel',
		'items',
		'requests',
		'req/item',
		'wall s',
		'floor s',
		'ratio',
		'RSS MB',
	].join(' | ');
}

function format(r: Row): string {
	return [
		r.scenario,
		r.parallel,
		r.items,
		r.requests,
		(r.requests / r.items).toFixed(3),
		(r.wallMs / 1000).toFixed(2),
		(r.floorMs / 1000).toFixed(2),
		r.floorMs > 0
			? (r.wallMs / r.floorMs).toFixed(2)
			: `${((r.wallMs / r.items) * 1000).toFixed(0)} µs/item`,
		r.rssMb.toFixed(0),
	].join(' | ');
}

function realTarget(): BenchTarget {
	const { VTIGER_URL, VTIGER_USERNAME, VTIGER_ACCESS_KEY } = process.env;
	if (!VTIGER_URL || !VTIGER_USERNAME || !VTIGER_ACCESS_KEY)
		throw new Error(
			'--vtiger needs VTIGER_URL, VTIGER_USERNAME and VTIGER_ACCESS_KEY (npm run vtiger:up prints them)',
		);
	return { url: VTIGER_URL, username: VTIGER_USERNAME, accessKey: VTIGER_ACCESS_KEY };
}

// n8n-core keeps timers alive after the runs, so the script ends itself.
(process.argv.includes('--vtiger') ? benchRealVtiger(realTarget()) : main()).then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
