/** Record > Count, also where Vtiger's count(*) answers with an empty list (8.3.0). */
import { startTestBed, useTestBed } from '../harness/fixture';
import { insertAccountWithContacts } from '../harness/seed';
import { emulatorOnly } from '../harness/target';

const rl = (value: string) => ({ __rl: true, mode: 'list', value });

describe('Record > Count', () => {
	const bed = useTestBed();
	/** The run's tag (empty on the emulator): every name of this file starts with it. */
	const t = () => bed.crm.tag;

	beforeAll(async () => {
		await insertAccountWithContacts(bed);
	});

	const countParams = (prefix: string) => ({
		resource: 'record',
		operation: 'count',
		module: rl('Contacts'),
		conditions: { condition: [{ field: 'lastname', operator: 'startsWith', value: prefix }] },
	});

	test('Count is right where count(*) answers with an empty list (8.3.0)', async () => {
		expect(await bed.json(countParams(`${t()}Rel`))).toEqual([{ module: 'Contacts', count: 130 }]);
	});

	emulatorOnly('counts requests; countWorks switch')(
		'Count: on 8.3.0 one count(*) then pages of ids; where count(*) works, one query',
		async () => {
			const params = countParams('Rel');
			bed.emulator.clearRequests();
			expect(await bed.json(params)).toEqual([{ module: 'Contacts', count: 130 }]);
			expect(bed.emulator.count('query')).toBe(1 + 3);

			const older = await startTestBed({ countWorks: true });
			try {
				for (let n = 0; n < 7; n++) older.emulator.insert('Contacts', { lastname: `Rel ${n}` });
				older.emulator.clearRequests();
				expect(await older.json(params)).toEqual([{ module: 'Contacts', count: 7 }]);
				expect(older.emulator.count('query')).toBe(1);
			} finally {
				await older.stop();
			}
		},
	);
});
