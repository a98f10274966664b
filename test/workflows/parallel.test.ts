/** Parallel Requests: the same output, order and pairing on several sessions at once. */
import type { IDataObject } from 'n8n-workflow';

import { useTestBed } from '../harness/fixture';
import { emulatorOnlyDescribe } from '../harness/target';

const create = (parallelRequests: number) => ({
	resource: 'record',
	operation: 'create',
	module: 'Contacts',
	fieldsInput: 'json',
	fieldsJson: '={{ JSON.stringify($json) }}',
	parallelRequests,
});
const withoutIds = (items: Array<{ json: IDataObject; pairedItem?: unknown }>) =>
	items.map(({ json, pairedItem }) => ({ lastname: json.lastname, error: json.error, pairedItem }));

emulatorOnlyDescribe('reads the request log')('Parallel requests', () => {
	const bed = useTestBed({ latencyMs: 15 }, {}, { each: true });

	test('same output, order and pairing with 1 and 4 parallel requests; 4 sessions really work at once', async () => {
		const input = Array.from({ length: 40 }, (_, n) => ({ lastname: `P-${n}` }));
		const sequential = await bed.run(create(1), input);
		bed.emulator.clearRequests();
		const parallel = await bed.run(create(4), input);
		expect(withoutIds(parallel.items)).toEqual(withoutIds(sequential.items));
		expect(parallel.items.map((i) => i.json.lastname)).toEqual(input.map((i) => i.lastname));
		const creates = bed.emulator.requests.filter((r) => r.operation === 'create');
		expect(creates).toHaveLength(40);
		expect(new Set(creates.map((r) => r.sessionName)).size).toBe(4);
		expect(Math.max(...creates.map((r) => r.inFlight))).toBeGreaterThan(1);
		expect(
			bed.emulator.records('Contacts').filter((c) => String(c.lastname).startsWith('P-')),
		).toHaveLength(80);

		bed.emulator.clearRequests();
		await bed.run(create(4), input);
		expect(bed.emulator.count('login') + bed.emulator.count('getchallenge')).toBe(0);
	});

	test('Continue On Fail gives the same items in the same places, in parallel or not', async () => {
		const input = Array.from({ length: 12 }, (_, n) =>
			n % 5 === 2 ? { firstname: `no last name ${n}` } : { lastname: `C-${n}` },
		);
		const sequential = await bed.run(create(1), input, { continueOnFail: true });
		const parallel = await bed.run(create(4), input, { continueOnFail: true });
		expect(withoutIds(parallel.items)).toEqual(withoutIds(sequential.items));
		expect(parallel.items[7].json.error).toBe(
			'The mandatory field "lastname" has no value [item 7]',
		);
	});

	test('without Continue On Fail the first failing item is named, and no item starts after it', async () => {
		const input = Array.from({ length: 30 }, (_, n) =>
			n === 5 || n === 9 ? { firstname: 'x' } : { lastname: `S-${n}` },
		);
		bed.emulator.clearRequests();
		const result = await bed.run(create(4), input);
		expect(result.error?.message).toBe('The mandatory field "lastname" has no value [item 5]');
		expect(bed.emulator.count('create')).toBeLessThan(30);
	});

	test('a dead lane session is replaced and the request retried once', async () => {
		const input = Array.from({ length: 8 }, (_, n) => ({ lastname: `L-${n}` }));
		await bed.run(create(4), input);
		bed.emulator.killAllSessions();
		bed.emulator.clearRequests();
		const result = await bed.run(create(4), input);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.lastname)).toEqual(input.map((i) => i.lastname));
		expect(bed.emulator.requests.filter((r) => r.code === 'INVALID_SESSIONID')).toHaveLength(4);
		expect(bed.emulator.count('login')).toBe(4);
	});
});
