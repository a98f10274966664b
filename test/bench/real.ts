/**
 * `npm run bench -- --vtiger`: the create and Return All scenarios against the real Vtiger of the
 * VTIGER_* variables. Its latency is the server's own, so there is no floor: the table gives wall
 * time and records per second. Every record it makes is tagged and deleted at the end.
 */
import { MemoryCredentialsHelper } from '../harness/credentials';
import { addCredential, createParameters, runNode, type BenchTarget } from './node';

export async function benchRealVtiger(target: BenchTarget): Promise<void> {
	const N = Number(process.env.BENCH_ITEMS ?? 1000);
	const tag = `bench${Date.now().toString(36)}`;
	let credentialNumber = 0;
	const node = async (parameters: object, input: object[]) => {
		const credentials = new MemoryCredentialsHelper();
		return await runNode(
			credentials,
			addCredential(credentials, `bench-${++credentialNumber}`, target),
			parameters,
			input,
		);
	};
	const timed = async <T>(
		scenario: string,
		parallel: number,
		items: number,
		run: () => Promise<T>,
	): Promise<T> => {
		const started = performance.now();
		const result = await run();
		const seconds = (performance.now() - started) / 1000;
		console.log(
			[
				scenario,
				parallel,
				items,
				seconds.toFixed(2),
				(items / seconds).toFixed(0),
				(process.memoryUsage().rss / 2 ** 20).toFixed(0),
			].join(' | '),
		);
		return result;
	};

	console.log(`Vtiger at ${target.url}, ${N} contacts tagged ${tag}`);
	console.log(['scenario', 'parallel', 'items', 'wall s', 'items/s', 'RSS MB'].join(' | '));
	const created: string[] = [];
	try {
		for (const parallel of [1, 4]) {
			const contacts = Array.from({ length: N }, (_, n) => ({
				lastname: `${tag}-p${parallel}-${n}`,
			}));
			const items = await timed(
				'create (cold)',
				parallel,
				N,
				async () => await node(createParameters('Contacts', parallel), contacts),
			);
			created.push(...items.map((i) => String(i.json.id)));
		}
		for (const parallel of [1, 4]) {
			const items = await timed(
				`Return All of the ${created.length.toLocaleString('en')} contacts`,
				parallel,
				created.length,
				async () =>
					await node(
						{
							resource: 'record',
							operation: 'getAll',
							module: 'Contacts',
							returnAll: true,
							simplify: false,
							parallelRequests: parallel,
							conditions: {
								condition: [{ field: 'lastname', operator: 'startsWith', value: tag }],
							},
						},
						[{}],
					),
			);
			if (items.length !== created.length)
				throw new Error(`expected ${created.length} rows, got ${items.length}`);
		}
	} finally {
		await timed(
			'delete (clean-up)',
			4,
			created.length,
			async () =>
				await node(
					{
						resource: 'record',
						operation: 'delete',
						recordId: '={{ $json.id }}',
						parallelRequests: 4,
					},
					created.map((id) => ({ id })),
				),
		);
	}
	console.log(
		`\npeak RSS of the node process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
	);
}
