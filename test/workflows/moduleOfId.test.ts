import { startTestBed, type VtigerTestBed } from '../harness/fixture';

describe('Record > Get without a module: the module of the id', () => {
	let bed: VtigerTestBed;

	beforeAll(async () => {
		bed = await startTestBed();
	});
	afterAll(async () => await bed.stop());

	const metadataRequests = () => ({
		listtypes: bed.emulator.count('listtypes'),
		describe: bed.emulator.count('describe'),
	});

	test('is searched once per process: a later execution asks only the describe Simplify needs', async () => {
		const id = bed.emulator.insert('HelpDesk', { ticket_title: 'Printer on fire' });
		const get = { resource: 'record', operation: 'get', recordId: id };

		bed.emulator.clearRequests();
		const [first] = await bed.json(get);
		const firstSearch = metadataRequests();
		bed.emulator.clearRequests();
		const [second] = await bed.json(get);

		expect(Object.keys(first).slice(0, 2)).toEqual(['id', 'ticket_title']);
		expect(second).toEqual(first);
		expect(firstSearch.listtypes).toBe(1);
		expect(firstSearch.describe).toBeGreaterThan(1);
		expect(metadataRequests()).toEqual({ listtypes: 0, describe: 1 });
	});

	test('a prefix learnt while searching for another is not searched again', async () => {
		const contact = bed.emulator.insert('Contacts', { lastname: 'Known-Prefix' });
		bed.emulator.clearRequests();
		await bed.json({ resource: 'record', operation: 'get', recordId: contact });
		expect(metadataRequests().listtypes).toBe(0);
	});
});
