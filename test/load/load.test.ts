import { startTestBed, type VtigerTestBed } from '../harness/fixture';

const ITEMS = 10_000;

describe('Load: 10,000 creates with 1% of requests failing at random', () => {
	let bed: VtigerTestBed;

	beforeAll(async () => {
		bed = await startTestBed();
	});
	afterAll(async () => await bed.stop());

	test('every item yields one output or error item, nothing is created twice, the CRM holds exactly the successes', async () => {
		const input = Array.from({ length: ITEMS }, (_, n) => ({
			lastname: `Load-${String(n).padStart(5, '0')}`,
		}));
		// Both kinds provably save nothing: an empty HTTP 500 before the operation runs, and a killed session.
		bed.emulator.randomFailures({
			rate: 0.01,
			seed: 20261124,
			kinds: ['empty-500', 'kill-session'],
		});
		const started = Date.now();
		const result = await bed.run(
			{
				resource: 'record',
				operation: 'create',
				module: 'Contacts',
				fieldsInput: 'json',
				fieldsJson: '={{ JSON.stringify($json) }}',
			},
			input,
			{ continueOnFail: true },
		);
		const seconds = (Date.now() - started) / 1000;
		bed.emulator.randomFailures(undefined);

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(ITEMS);
		expect(result.items.map((i) => i.pairedItem)).toEqual(input.map((_, item) => ({ item })));

		const failed = result.items.filter((i) => i.json.error !== undefined);
		const succeeded = result.items.filter((i) => i.json.error === undefined);
		succeeded.forEach((i) =>
			expect(i.json.lastname).toBe(input[(i.pairedItem as { item: number }).item].lastname),
		);
		failed.forEach(({ json, pairedItem }) =>
			expect(json.error).toMatch(
				new RegExp(
					`^(Vtiger failed with a server error \\(HTTP 500, an empty body\\) while running "(create|getchallenge|login)"|Vtiger rejected a brand-new session: the request was not run) \\[item ${(pairedItem as { item: number }).item}\\]$`,
				),
			),
		);

		const stored = bed.emulator
			.records('Contacts')
			.filter((r) => String(r.lastname).startsWith('Load-'));
		expect(new Set(stored.map((r) => r.lastname)).size).toBe(stored.length);
		expect(stored.map((r) => r.id).sort()).toEqual(succeeded.map((i) => i.json.id).sort());
		expect(stored.map((r) => r.lastname).sort()).toEqual(
			succeeded.map((i) => i.json.lastname).sort(),
		);

		const injected = bed.emulator.injectedFaults;
		const kills = injected.filter((f) => f.kind === 'kill-session').length;
		// Each empty HTTP 500 fails its item; a killed session only when the repeated request fails too.
		expect(failed.length).toBeGreaterThanOrEqual(injected.length - kills);
		expect(failed.length).toBeLessThanOrEqual(injected.length);
		expect(kills).toBeGreaterThan(0);
		expect(injected.length).toBeGreaterThan(ITEMS * 0.008);
		console.log(
			`load: ${ITEMS} items, ${injected.length} failures injected (${injected.length - kills} empty HTTP 500, ${kills} killed sessions), ` +
				`${failed.length} error items, ${stored.length} records stored, ${bed.emulator.count('create')} create requests, ${seconds.toFixed(1)} s`,
		);
	}, 120_000);
});
