/**
 * The Vtiger CRM Trigger: each created or updated record emitted exactly once, on a clock the test
 * sets and on the CRM's own.
 */
import type { IDataObject } from 'n8n-workflow';

import { pollTrigger } from '../harness/engine';
import { useTestBed, type VtigerTestBed } from '../harness/fixture';
import { emulatorOnly } from '../harness/target';

const at = (iso: string) => new Date(`${iso}Z`);
/** These tests set the emulator's clock (and touch records behind the node's back). */
const clockTest = emulatorOnly('sets the emulator clock');

/**
 * Polls of the trigger on Contacts (parameters: those `base` gives, then the poll's own), keeping
 * the workflow's static data between them as an active workflow does; a manual run keeps none.
 */
function trigger(bed: VtigerTestBed, base: () => object = () => ({})) {
	const state = { staticData: {} as IDataObject };
	const poll = async (parameters: object = {}, mode: 'trigger' | 'manual' = 'trigger') => {
		const run = await pollTrigger({
			parameters: {
				module: { __rl: true, mode: 'list', value: 'Contacts' },
				event: 'createdOrUpdated',
				simplify: false,
				...base(),
				...parameters,
			},
			credentials: bed.credentials,
			credential: bed.credential,
			staticData: state.staticData,
			mode,
		});
		if (mode === 'trigger') state.staticData = run.staticData;
		return run.items;
	};
	return { state, poll };
}

describe('Vtiger CRM Trigger: each change exactly once', () => {
	const bed = useTestBed({}, {}, { each: true });
	const { state, poll } = trigger(bed);
	const ids = (items: IDataObject[]) => items.map((i) => String(i.id));
	const create = (n: number, prefix: string) =>
		Array.from({ length: n }, (_, k) =>
			bed.emulator.insert('Contacts', { lastname: `${prefix}-${k}` }),
		);

	beforeEach(async () => {
		state.staticData = {};
		bed.emulator.clock.set(at('2026-11-20T10:00:00'));
		create(10, 'old');
	});

	clockTest(
		'first activation starts from now: no flood of old records; then only new ones',
		async () => {
			expect(await poll()).toEqual([]);
			bed.emulator.clock.set(at('2026-11-20T10:00:05'));
			const fresh = create(3, 'new');
			expect(ids(await poll())).toEqual(fresh);
			expect(await poll()).toEqual([]);
		},
	);

	clockTest(
		'250 records created within the same second, more than two pages, each emitted once',
		async () => {
			await poll();
			bed.emulator.clock.set(at('2026-11-20T10:01:00'));
			const burst = create(250, 'burst');
			bed.emulator.clearRequests();
			const first = await poll();
			expect(ids(first)).toEqual(burst);
			expect(bed.emulator.count('query')).toBeGreaterThanOrEqual(3);
			bed.emulator.clock.set(at('2026-11-20T10:01:00'));
			const late = create(2, 'same-second-later');
			expect(ids(await poll())).toEqual(late);
			expect(await poll()).toEqual([]);
		},
	);

	clockTest('records changed while the pages are read: nothing missed, nothing twice', async () => {
		await poll();
		bed.emulator.clock.set(at('2026-11-20T10:02:00'));
		const batch = create(250, 'paged');
		// The poll asks describe, then pages of 100: after the first page one record already read and
		// one not yet read change.
		bed.emulator.clearRequests();
		bed.emulator.afterRequests(2, () => {
			bed.emulator.clock.set(at('2026-11-20T10:02:01'));
			bed.emulator.touch(batch[10], { firstname: 'edited-after-read' });
			bed.emulator.touch(batch[200], { firstname: 'edited-before-read' });
		});
		const items = await poll();
		expect(bed.emulator.requests.slice(0, 2).map((r) => r.operation)).toEqual([
			'describe',
			'query',
		]);
		expect(ids(items).sort()).toEqual([...batch].sort());
		expect(items.find((i) => i.id === batch[10])?.firstname).toBe('edited-after-read');
		expect(items.find((i) => i.id === batch[200])?.firstname).toBe('edited-before-read');
		expect(await poll()).toEqual([]);
	});

	clockTest(
		'a record updated twice between polls is one event; created-only ignores updates',
		async () => {
			await poll();
			const [target] = create(1, 'twice').map((id) => id);
			expect(ids(await poll())).toEqual([target]);
			bed.emulator.clock.set(at('2026-11-20T10:03:00'));
			bed.emulator.touch(target, { firstname: 'one' });
			bed.emulator.clock.set(at('2026-11-20T10:03:07'));
			bed.emulator.touch(target, { firstname: 'two' });
			const updates = await poll();
			expect(updates.map((u) => [u.id, u.firstname])).toEqual([[target, 'two']]);

			state.staticData = {};
			expect(await poll({ event: 'created' })).toEqual([]);
			bed.emulator.clock.set(at('2026-11-20T10:04:00'));
			bed.emulator.touch(target, { firstname: 'three' });
			const created = create(1, 'created-only');
			expect(ids(await poll({ event: 'created' }))).toEqual(created);
		},
	);

	clockTest('a restart with the saved static data goes on where it stopped', async () => {
		await poll();
		bed.emulator.clock.set(at('2026-11-20T10:05:00'));
		const before = create(5, 'before-restart');
		expect(ids(await poll())).toEqual(before);
		const saved = structuredClone(state.staticData);
		bed.emulator.clock.set(at('2026-11-20T10:05:00'));
		const sameSecond = create(2, 'restart-same-second');
		state.staticData = saved;
		expect(ids(await poll())).toEqual(sameSecond);
		expect(await poll()).toEqual([]);
	});

	clockTest(
		'Start From emits the changes since that time on first activation; conditions and fields apply',
		async () => {
			bed.emulator.clock.set(at('2026-11-20T11:00:00'));
			const web = bed.emulator.insert('Contacts', { lastname: 'Web lead', leadsource: 'Web Site' });
			bed.emulator.insert('Contacts', { lastname: 'Cold call', leadsource: 'Cold Call' });
			const params = {
				startFrom: '2026-11-20T10:30:00.000Z',
				conditions: { condition: [{ field: 'leadsource', operator: 'equal', value: 'Web Site' }] },
				fields: ['lastname', 'leadsource'],
				simplify: true,
			};
			const items = await poll(params);
			expect(items).toEqual([
				{
					lastname: 'Web lead',
					leadsource: 'Web Site',
					modifiedtime: '2026-11-20T11:00:00Z',
					id: web,
				},
			]);
			expect(await poll(params)).toEqual([]);
		},
	);

	clockTest(
		'a manual test run returns the most recent matching record and keeps no state',
		async () => {
			bed.emulator.clock.set(at('2026-11-20T12:00:00'));
			const [newest] = create(1, 'newest');
			const items = await poll({}, 'manual');
			expect(ids(items)).toEqual([newest]);
			expect(state.staticData).toEqual({});
		},
	);
});

describe('Vtiger CRM Trigger on the CRM clock', () => {
	const bed = useTestBed();
	/**
	 * Changes are told apart by second (modifiedtime): move past the current one (the emulator's
	 * clock moves on a second, a real CRM is waited for).
	 */
	const nextSecond = async () => await bed.crm.nextSecond();

	// On a real CRM, only this run's contacts (no condition on the emulator).
	const { state, poll } = trigger(bed, () => ({
		conditions: { condition: bed.crm.scope('lastname') },
	}));
	const ids = (items: IDataObject[]) => items.map((i) => String(i.id));
	const create = async (n: number, prefix: string) => {
		const created: string[] = [];
		for (let k = 0; k < n; k++)
			created.push(await bed.crm.insert('Contacts', { lastname: `${bed.crm.tag}${prefix}-${k}` }));
		return created;
	};

	test('first activation starts from now; then each new or updated record once; a manual run keeps no state', async () => {
		await create(3, 'clock-old');
		await nextSecond();
		expect(await poll()).toEqual([]);
		await nextSecond();
		const fresh = await create(3, 'clock-new');
		expect(ids(await poll())).toEqual(fresh);
		expect(await poll()).toEqual([]);

		await nextSecond();
		await bed.json({
			resource: 'record',
			operation: 'update',
			recordId: fresh[0],
			fieldsInput: 'json',
			fieldsJson: '{"firstname": "edited"}',
		});
		const updated = await poll();
		expect(updated.map((u) => [u.id, u.firstname])).toEqual([[fresh[0], 'edited']]);
		expect(await poll()).toEqual([]);

		const saved = structuredClone(state.staticData);
		const manual = await poll({}, 'manual');
		expect(ids(manual)).toEqual([fresh[0]]);
		expect(state.staticData).toEqual(saved);
	});

	test('250 changes between two polls, more than two pages, each emitted once; created-only ignores updates', async () => {
		state.staticData = {};
		expect(await poll()).toEqual([]);
		await nextSecond();
		const burst = await create(250, 'clock-burst');
		expect(ids(await poll())).toEqual(burst);
		expect(await poll()).toEqual([]);

		state.staticData = {};
		expect(await poll({ event: 'created' })).toEqual([]);
		await nextSecond();
		await bed.json({
			resource: 'record',
			operation: 'update',
			recordId: burst[0],
			fieldsInput: 'json',
			fieldsJson: '{"firstname": "ignored"}',
		});
		const created = await create(1, 'clock-created-only');
		expect(ids(await poll({ event: 'created' }))).toEqual(created);
	});

	test('Start From emits the changes since that time on first activation; conditions and fields apply', async () => {
		state.staticData = {};
		const startFrom = new Date(Date.now() - 2000).toISOString();
		const web = await bed.crm.insert('Contacts', {
			lastname: `${bed.crm.tag}Web lead`,
			leadsource: 'Web Site',
		});
		await bed.crm.insert('Contacts', {
			lastname: `${bed.crm.tag}Cold call`,
			leadsource: 'Cold Call',
		});
		const params = {
			startFrom,
			conditions: {
				condition: [
					...bed.crm.scope('lastname'),
					{ field: 'leadsource', operator: 'equal', value: 'Web Site' },
				],
			},
			fields: ['lastname', 'leadsource'],
			simplify: true,
		};
		const modified = String((await bed.crm.retrieve(web))?.modifiedtime).replace(' ', 'T');
		const items = await poll(params);
		expect(items).toEqual([
			{
				lastname: `${bed.crm.tag}Web lead`,
				leadsource: 'Web Site',
				modifiedtime: `${modified}Z`,
				id: web,
			},
		]);
		expect(await poll(params)).toEqual([]);
	});
});
