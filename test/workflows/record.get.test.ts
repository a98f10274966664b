/** Record > Get, and what Simplify makes of a record (Get, Get Many, Create, Update). */
import { useTestBed } from '../harness/fixture';
import { addCustomFields } from '../harness/seed';
import { emulatorOnly, emulatorOnlyDescribe, onRealServer } from '../harness/target';

const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });
/** Tests using the custom fields cf_901..cf_906 or the module Vehicles, which only the emulator can add. */
const withCustomFields = emulatorOnly('custom fields and a custom module added to the emulator');

describe('Record > Get', () => {
	const bed = useTestBed();
	const t = () => bed.crm.tag;

	test('Get returns the record; a bad or unknown ID is reported clearly', async () => {
		const id = await bed.crm.insert('Contacts', { lastname: `${t()}Getme`, firstname: 'Gus' });
		const [record] = await bed.json({ resource: 'record', operation: 'get', recordId: id });
		expect(record).toMatchObject({ id, lastname: `${t()}Getme`, firstname: 'Gus' });

		const malformed = await bed.run({ resource: 'record', operation: 'get', recordId: '12X3' });
		expect(malformed.error?.message).toBe(
			'"Record" must be a Vtiger record ID such as 12x34, not "12X3" [item 0]',
		);

		const prefix = await bed.crm.idPrefix('Contacts');
		const gone = await bed.run({
			resource: 'record',
			operation: 'get',
			recordId: `${prefix}x999999`,
		});
		expect(gone.error?.message).toBe(
			`The record ${prefix}x999999 was not found, was deleted, or this user may not access it [item 0]`,
		);
	});
});

describe('Record > Get: Simplify', () => {
	const bed = useTestBed();
	/** The run's tag (empty on the emulator): names of created records start with it. */
	const t = () => bed.crm.tag;

	beforeAll(() => {
		if (!onRealServer) addCustomFields(bed.emulator);
	});

	/** Record > Get by ID, as Simplify (the default) or these options make it. */
	const getById = async (id: string, options: object = {}) =>
		(
			await bed.json({ resource: 'record', operation: 'get', recordId: rl(id, 'id'), ...options })
		)[0];

	test('Simplify returns plain JSON types; off returns what Vtiger sent (standard fields)', async () => {
		const id = await bed.crm.insert('Contacts', {
			lastname: `${t()}Zoë & <Co>`,
			firstname: 'Plain',
			emailoptout: '1',
		});
		const simple = await getById(id);
		expect(simple).toMatchObject({
			emailoptout: true,
			donotcall: false,
			phone: null,
			account_id: null,
			birthday: null,
			label: `Plain ${t()}Zoë & <Co>`,
		});
		expect(simple.createdtime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		const raw = await getById(id, { simplify: false });
		expect(raw).toMatchObject({
			emailoptout: '1',
			phone: '',
			label: `Plain ${t()}Zo&euml; &amp; &lt;Co&gt;`,
		});
		const many = await bed.json({
			resource: 'record',
			operation: 'getAll',
			module: rl('Contacts'),
			returnAll: true,
			conditions: {
				condition: [{ field: 'lastname', operator: 'equal', value: `${t()}Zoë & <Co>` }],
			},
			options: { fields: ['emailoptout', 'donotcall'] },
		});
		expect(many).toEqual([{ emailoptout: true, donotcall: false, id }]);
	});

	withCustomFields('Simplify returns plain JSON types; off returns what Vtiger sent', async () => {
		const id = bed.emulator.insert('Contacts', {
			lastname: 'Zoë & <Co>',
			firstname: 'Simple',
			emailoptout: '1',
			cf_901: 'Red |##| Green',
			cf_903: '7',
			cf_904: '99.5',
		});
		const simple = await getById(id);
		expect(simple).toMatchObject({
			emailoptout: true,
			donotcall: false,
			cf_901: ['Red', 'Green'],
			cf_903: 7,
			cf_904: 99.5,
			phone: null,
			account_id: null,
			birthday: null,
			label: 'Simple Zoë & <Co>',
		});
		expect(simple.createdtime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		const raw = await getById(id, { simplify: false });
		expect(raw).toMatchObject({
			emailoptout: '1',
			cf_901: 'Red |##| Green',
			cf_903: '7',
			phone: '',
			label: 'Simple Zo&euml; &amp; &lt;Co&gt;',
		});
		const many = await bed.json({
			resource: 'record',
			operation: 'getAll',
			module: rl('Contacts'),
			returnAll: true,
			conditions: { condition: [{ field: 'firstname', operator: 'equal', value: 'Simple' }] },
			options: { fields: ['emailoptout', 'cf_903'] },
		});
		expect(many).toEqual([{ emailoptout: true, cf_903: 7, id }]);
	});

	test("Simplify puts the id and the record's label fields first in Get, Get Many, Create and Update", async () => {
		const firstKeys = (record: object, count = 3) => Object.keys(record).slice(0, count);
		const json = (fields: object) => ({ fieldsInput: 'json', fieldsJson: JSON.stringify(fields) });
		const contact = ['id', 'firstname', 'lastname'];
		const vtigerOrder = ['salutationtype', 'firstname', 'contact_no'];
		const create = { resource: 'record', operation: 'create', module: rl('Contacts') };
		const update = (recordId: string, phone: string) => ({
			resource: 'record',
			operation: 'update',
			recordId: rl(recordId, 'id'),
			...json({ phone }),
		});

		const [created] = await bed.json({
			...create,
			simplify: true,
			...json({ lastname: 'Order', firstname: 'Keys', phone: '1' }),
		});
		expect(firstKeys(created)).toEqual(contact);
		expect(created.emailoptout).toBe(false);
		const id = created.id as string;
		expect(
			firstKeys(
				(await bed.json({ resource: 'record', operation: 'get', recordId: rl(id, 'id') }))[0],
			),
		).toEqual(contact);
		const [updated] = await bed.json({ ...update(id, '2'), simplify: true });
		expect(firstKeys(updated)).toEqual(contact);
		expect(updated.phone).toBe('2');
		const many = await bed.json({
			resource: 'record',
			operation: 'getAll',
			module: rl('Contacts'),
			returnAll: true,
			conditions: { condition: [{ field: 'lastname', operator: 'equal', value: 'Order' }] },
		});
		expect(many.map((record) => firstKeys(record))).toEqual([contact]);

		// HelpDesk's label column "title" is the field ticket_title.
		const [ticket] = await bed.json({
			resource: 'record',
			operation: 'create',
			module: rl('HelpDesk'),
			simplify: true,
			...json({ ticket_title: 'Printer', ticketstatus: 'Open', ticketpriorities: 'High' }),
		});
		expect(firstKeys(ticket, 2)).toEqual(['id', 'ticket_title']);

		// Without Simplify (the default of Create and Update) the record is as Vtiger sent it.
		expect(
			firstKeys(
				(
					await bed.json({
						resource: 'record',
						operation: 'get',
						recordId: rl(id, 'id'),
						simplify: false,
					})
				)[0],
			),
		).toEqual(vtigerOrder);
		const [rawCreated] = await bed.json({
			...create,
			...json({ lastname: 'Order', firstname: 'Raw' }),
		});
		expect(firstKeys(rawCreated)).toEqual(vtigerOrder);
		expect(rawCreated.emailoptout).toBe('0');
		expect(firstKeys((await bed.json(update(id, '3')))[0])).toEqual(vtigerOrder);
	});
});

emulatorOnlyDescribe('counts the requests the emulator saw')(
	'Get without a module: the module of the id',
	() => {
		const bed = useTestBed();

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
	},
);
