/**
 * Record > Create: fields as JSON, as name/value pairs and through the field mapper (its type
 * conversions, Map Automatically, Validate Picklist Values), and what is refused before anything
 * is written. Values Vtiger stores otherwise than sent: storedValues.test.ts.
 */
import type { ResourceMapperFields } from 'n8n-workflow';

import {
	createContact,
	editorMethod,
	mapperCreate as mapped,
	useTestBed,
} from '../harness/fixture';
import { addCustomFields } from '../harness/seed';
import { emulatorOnly, onRealServer } from '../harness/target';

const fromItem = { fieldsInput: 'json', fieldsJson: '={{ JSON.stringify($json) }}' };
const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });
/** Tests using the custom fields cf_901..cf_906 or the module Vehicles, which only the emulator can add. */
const withCustomFields = emulatorOnly('custom fields and a custom module added to the emulator');

describe('Record > Create', () => {
	const bed = useTestBed();
	const t = () => bed.crm.tag;

	test('Create makes one record per item, paired to its item, owned by the credential user by default', async () => {
		const group = await bed.crm.groupId('Marketing Group');
		const input = [
			{ lastname: `${t()}Create-A`, firstname: 'Ann' },
			{ lastname: `${t()}Create-B`, email: 'b@example.com' },
			{ lastname: `${t()}Create-C`, assigned_user_id: group },
		];
		const result = await bed.run(
			{ resource: 'record', operation: 'create', module: 'Contacts', ...fromItem },
			input,
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items.map((i) => i.json.lastname)).toEqual([
			`${t()}Create-A`,
			`${t()}Create-B`,
			`${t()}Create-C`,
		]);
		expect(result.items[0].json.id).toMatch(
			new RegExp(`^${await bed.crm.idPrefix('Contacts')}x\\d+$`),
		);
		expect(result.items[0].json.assigned_user_id).toBe(bed.crm.userId);
		expect(result.items[2].json.assigned_user_id).toBe(group);
		const stored = (await bed.crm.records('Contacts', 'lastname')).filter((r) =>
			String(r.lastname).startsWith(`${t()}Create-`),
		);
		expect(stored.map((r) => r.id).sort()).toEqual(result.items.map((i) => i.json.id).sort());
	});

	test('Create with name/value pairs', async () => {
		const [record] = await bed.json({
			resource: 'record',
			operation: 'create',
			module: 'Accounts',
			fieldsInput: 'keyValue',
			fieldsUi: {
				field: [
					{ name: 'accountname', value: `${t()}Pairs Ltd` },
					{ name: 'website', value: 'https://pairs.example' },
				],
			},
		});
		expect(record).toMatchObject({
			accountname: `${t()}Pairs Ltd`,
			website: 'https://pairs.example',
		});
	});

	test('a missing mandatory field names the field and the item; Continue On Fail keeps the other items', async () => {
		const input = [
			{ lastname: `${t()}Fine-1` },
			{ firstname: 'No last name' },
			{ lastname: `${t()}Fine-2` },
		];
		const params = { resource: 'record', operation: 'create', module: 'Contacts', ...fromItem };
		const stopped = await bed.run(params, input);
		expect(stopped.error?.message).toBe('The mandatory field "lastname" has no value [item 1]');

		const before = (await bed.crm.records('Contacts', 'lastname')).length;
		const continued = await bed.run(params, input, { continueOnFail: true });
		expect(continued.error).toBeUndefined();
		expect(continued.items).toHaveLength(3);
		expect(continued.items[1]).toEqual({
			json: expect.objectContaining({
				error: 'The mandatory field "lastname" has no value [item 1]',
			}),
			pairedItem: { item: 1 },
		});
		expect(continued.items[0].json.lastname).toBe(`${t()}Fine-1`);
		expect(continued.items[2].json.lastname).toBe(`${t()}Fine-2`);
		expect((await bed.crm.records('Contacts', 'lastname')).length).toBe(before + 2);
	});

	test('malformed JSON and an unknown module are refused with a clear message', async () => {
		const badJson = await bed.run(
			{
				resource: 'record',
				operation: 'create',
				module: 'Contacts',
				fieldsInput: 'json',
				fieldsJson: '{"lastname": "x",',
			},
			[{}],
			{ continueOnFail: true },
		);
		expect(String(badJson.items[0].json.error)).toMatch(
			/^"Fields \(JSON\)" is not valid JSON: .+ \[item 0\]$/,
		);

		const unknown = await bed.run({
			resource: 'record',
			operation: 'create',
			module: 'contacts',
			fieldsInput: 'json',
			fieldsJson: '{"lastname":"x"}',
		});
		expect(unknown.error?.message).toBe(
			'The module "contacts" does not exist or this user may not use it [item 0]',
		);
	});
});

describe('Record > Create: field names typed in JSON or as name/value pairs', () => {
	const bed = useTestBed({}, {}, { each: true });
	const pairs = (name: string) => ({
		...createContact({}),
		fieldsInput: 'keyValue',
		fieldsUi: {
			field: [
				{ name: 'lastname', value: `${bed.crm.tag}Named` },
				{ name, value: 'x' },
			],
		},
	});

	test('a typed field name the module does not have is refused before anything is written', async () => {
		const [contact] = await bed.json(pairs('phone'));
		expect(contact.phone).toBe('x');
		const typo = await bed.run(pairs('phonee'));
		expect(typo.error?.message).toBe('Contacts has no field "phonee" [item 0]');
		expect(typo.error?.description).toMatch(/Vtiger would drop its value without a word/);
		expect(
			(await bed.crm.records('Contacts', 'lastname')).filter(
				(c) => c.lastname === `${bed.crm.tag}Named`,
			),
		).toHaveLength(1);
	});

	emulatorOnly('adds a field; reads the request log')(
		'typed field names are checked once per process; a field added since is found by asking again',
		async () => {
			await bed.json(pairs('phone'));
			bed.emulator.clearRequests();
			await bed.json(pairs('phone'));
			expect(bed.emulator.requests.map((r) => r.operation)).toEqual(['create']);
			bed.emulator.addField('Contacts', {
				name: 'cf_999',
				label: 'Added today',
				type: { name: 'string' },
			});
			const [contact] = await bed.json(pairs('cf_999'));
			expect(bed.emulator.records('Contacts').find((c) => c.id === contact.id)?.cf_999).toBe('x');
			expect(bed.emulator.requests.map((r) => r.operation)).toEqual([
				'create',
				'describe',
				'create',
			]);
			const typo = await bed.run(pairs('cf_9999'));
			expect(typo.error?.message).toBe('Contacts has no field "cf_9999" [item 0]');
			expect(typo.error?.description).toMatch(/Vtiger would drop its value without a word/);
		},
	);
});

describe('Record > Create through the field mapper', () => {
	const bed = useTestBed();
	const method = editorMethod(bed);
	/** The run's tag (empty on the emulator): names of created records start with it. */
	const t = () => bed.crm.tag;

	beforeAll(() => {
		if (!onRealServer) addCustomFields(bed.emulator);
	});

	test('Create through the mapper converts the standard field types to the wire format', async () => {
		const reportsTo = await bed.crm.insert('Contacts', { lastname: `${t()}Boss` });
		const [contact] = await bed.json(
			mapped('Contacts', {
				lastname: `${t()}Typed standard`,
				emailoptout: true,
				donotcall: 'no',
				birthday: '1990-04-21T10:00:00Z',
				assigned_user_id: 'Marketing Group',
				contact_id: reportsTo,
			}),
		);
		expect(await bed.crm.retrieve(String(contact.id))).toMatchObject({
			lastname: `${t()}Typed standard`,
			emailoptout: '1',
			donotcall: '0',
			birthday: '1990-04-21',
			assigned_user_id: await bed.crm.groupId('Marketing Group'),
			contact_id: reportsTo,
		});
		const [byEmail] = await bed.json(
			mapped('Contacts', { lastname: `${t()}Owned`, assigned_user_id: 'admin@example.com' }),
		);
		expect(byEmail.assigned_user_id).toBe(bed.crm.userId);
	});

	withCustomFields(
		'Create through the mapper converts every field type to the wire format',
		async () => {
			const contactId = bed.emulator.insert('Contacts', { lastname: 'Driver' });
			const [contact] = await bed.json(
				mapped('Contacts', {
					lastname: 'Typed',
					emailoptout: true,
					donotcall: 'no',
					birthday: '1990-04-21T10:00:00Z',
					cf_901: ['Red', 'Blue'],
					cf_902: 'typed.skype',
					cf_903: 42,
					cf_904: 1234.5,
					cf_905: '9:05',
					cf_906: '2026-03-01T12:30:00+02:00',
					assigned_user_id: 'Marketing Group',
					contact_id: contactId,
				}),
			);
			const stored = bed.emulator.records('Contacts').find((r) => r.id === contact.id);
			expect(stored).toMatchObject({
				lastname: 'Typed',
				emailoptout: '1',
				donotcall: '0',
				birthday: '1990-04-21',
				cf_901: 'Red |##| Blue',
				cf_902: 'typed.skype',
				cf_903: '42',
				cf_905: '09:05:00',
				cf_906: '2026-03-01 10:30:00',
				assigned_user_id: '20x3',
				contact_id: contactId,
			});
			expect(Number(stored?.cf_904)).toBe(1234.5);

			const [byEmail] = await bed.json(
				mapped('Contacts', { lastname: 'Owned', assigned_user_id: 'admin@example.com' }),
			);
			expect(byEmail.assigned_user_id).toBe('19x1');

			const [vehicle] = await bed.json(
				mapped('Vehicles', {
					vehiclename: 'Van',
					purchased: '2025-12-01',
					mileage: '120000',
					driver: contactId,
					assigned_user_id: 'admin',
				}),
			);
			expect(vehicle).toMatchObject({
				vehiclename: 'Van',
				purchased: '2025-12-01',
				mileage: '120000',
				driver: contactId,
				assigned_user_id: '19x1',
			});
			expect(vehicle.id).toMatch(new RegExp(`^${bed.emulator.idPrefix('Vehicles')}x\\d+$`));
		},
	);

	test('Calendar tasks, an inventory module, and the "Assign To" default owner', async () => {
		const calendar = await method<ResourceMapperFields>('resourceMapping', 'getMappingColumns', {
			module: rl('Calendar'),
			operation: 'create',
		});
		const byId = new Map(calendar.fields.map((f) => [f.id, f]));
		expect(byId.get('time_start')?.type).toBe('time');
		expect(byId.get('date_start')).toMatchObject({ type: 'dateTime', required: true });
		expect(byId.get('taskstatus')?.options).toContainEqual({
			name: 'Not Started',
			value: 'Not Started',
		});
		const [task] = await bed.json(
			mapped(
				'Calendar',
				{
					subject: `${t()}Call back`,
					activitytype: 'Task',
					taskstatus: 'Not Started',
					date_start: '2026-12-01',
					time_start: '9:30',
					due_date: '2026-12-03T18:00:00Z',
				},
				{ writeOptions: { assignTo: await bed.crm.groupId('Support Group') } },
			),
		);
		expect(task).toMatchObject({
			subject: `${t()}Call back`,
			date_start: '2026-12-01',
			time_start: '09:30:00',
			due_date: '2026-12-03',
			assigned_user_id: await bed.crm.groupId('Support Group'),
		});
		const invoice = await method<ResourceMapperFields>('resourceMapping', 'getMappingColumns', {
			module: rl('Invoice'),
			operation: 'create',
		});
		const invoiceIds = invoice.fields.map((f) => f.id);
		expect(invoiceIds).toEqual(
			expect.arrayContaining(['subject', 'account_id', 'invoicedate', 'invoicestatus']),
		);
		expect(invoiceIds).not.toContain('invoice_no');
		expect(invoice.fields.find((f) => f.id === 'subject')?.required).toBe(true);
	});

	/** Creates a contact through the mapper with the schema the editor stores, and n8n's own type checks. */
	const createWithSchema = async (value: object) => {
		const schema = (
			await method<ResourceMapperFields>('resourceMapping', 'getMappingColumns', {
				module: rl('Contacts'),
				operation: 'create',
			})
		).fields;
		const [contact] = await bed.json({
			resource: 'record',
			operation: 'create',
			module: rl('Contacts'),
			fieldsInput: 'mapper',
			columns: {
				mappingMode: 'defineBelow',
				value,
				matchingColumns: [],
				schema,
				attemptToConvertTypes: false,
				convertFieldsToString: false,
			},
		});
		return contact;
	};

	test("with the schema the editor stores, n8n's own type checks and conversions come first (standard fields)", async () => {
		const group = await bed.crm.groupId('Team Selling');
		const value = {
			lastname: `${t()}Schema`,
			emailoptout: true,
			birthday: '1985-06-30T00:00:00.000Z',
			leadsource: 'Web Site',
			assigned_user_id: group,
		};
		const contact = await createWithSchema(value);
		expect(contact).toMatchObject({
			lastname: `${t()}Schema`,
			emailoptout: '1',
			birthday: '1985-06-30',
			leadsource: 'Web Site',
			assigned_user_id: group,
		});
	});

	withCustomFields(
		"with the schema the editor stores, n8n's own type checks and conversions come first",
		async () => {
			const value = {
				lastname: 'Schema',
				emailoptout: true,
				birthday: '1985-06-30T00:00:00.000Z',
				cf_901: ['Green'],
				cf_903: 9,
				leadsource: 'Web Site',
				assigned_user_id: '20x2',
			};
			const contact = await createWithSchema(value);
			expect(contact).toMatchObject({
				lastname: 'Schema',
				emailoptout: '1',
				birthday: '1985-06-30',
				cf_901: 'Green',
				cf_903: '9',
				leadsource: 'Web Site',
				assigned_user_id: '20x2',
			});
		},
	);

	/** Create through the mapper with Map Automatically. */
	const autoMap = {
		resource: 'record',
		operation: 'create',
		module: rl('Contacts'),
		fieldsInput: 'mapper',
		columns: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
	};

	test('Map Automatically matches input keys to field names or labels and leaves the rest', async () => {
		const [contact] = await bed.json(autoMap, [
			{
				'Last Name': `${t()}Automapped`,
				email: 'auto@example.com',
				'Lead Source': 'Partner',
				id: '12x1',
				unrelated: 'x',
			},
		]);
		expect(contact).toMatchObject({
			lastname: `${t()}Automapped`,
			email: 'auto@example.com',
			leadsource: 'Partner',
		});
		expect(contact.id).not.toBe('12x1');
	});

	withCustomFields('Map Automatically matches the label of a custom field', async () => {
		const [contact] = await bed.json(autoMap, [
			{
				'Last Name': 'Automapped',
				email: 'auto@example.com',
				'Favourite Colours': ['Green'],
				id: '12x1',
				unrelated: 'x',
			},
		]);
		expect(contact).toMatchObject({
			lastname: 'Automapped',
			email: 'auto@example.com',
			cf_901: 'Green',
		});
		expect(contact.id).not.toBe('12x1');
	});

	const unconvertible = async (cases: Array<[object, RegExp]>) => {
		for (const [fields, message] of cases) {
			const result = await bed.run(mapped('Contacts', { lastname: `${t()}Bad`, ...fields }));
			expect(result.error?.message).toMatch(message);
		}
	};

	test('values that cannot be converted name the field and the item', async () => {
		await unconvertible([
			[
				{ birthday: '2026-02-30' },
				/^The field "birthday" expects a date that exists, not 2026-02-30 \[item 0\]$/,
			],
			[
				{ emailoptout: 'maybe' },
				/^The field "emailoptout" expects true or false, not "maybe" \[item 0\]$/,
			],
			[
				{ account_id: 'Acme' },
				/^The field "account_id" expects a record ID such as 12x34, not "Acme"/,
			],
			[
				{ assigned_user_id: 'nobody' },
				/^The field "assigned_user_id" expects a user .* "nobody" is none of these/,
			],
		]);
	});

	withCustomFields(
		'values of custom currency, integer and time fields that cannot be converted',
		async () => {
			await unconvertible([
				[
					{ cf_904: '1,234.56' },
					/^The field "cf_904" expects a number with "\." as the decimal separator, not "1,234.56"/,
				],
				[{ cf_903: '4.5' }, /^The field "cf_903" expects a whole number/],
				[{ cf_905: '25:00' }, /^The field "cf_905" expects a time/],
			]);
		},
	);

	test('Validate Picklist Values stops unknown values and lists the allowed ones', async () => {
		const strict = await bed.run(
			mapped(
				'Contacts',
				{ lastname: `${t()}Pick`, leadsource: 'Carrier Pigeon' },
				{ writeOptions: { validatePicklists: true } },
			),
		);
		expect(strict.error?.message).toMatch(
			/^The field "leadsource" does not allow "Carrier Pigeon"; allowed: .*Web Site/,
		);
		const [lenient] = await bed.json(
			mapped('Contacts', { lastname: `${t()}Pick`, leadsource: 'Carrier Pigeon' }),
		);
		expect(lenient.leadsource).toBe('Carrier Pigeon');
	});

	withCustomFields('Validate Picklist Values checks each value of a multipicklist', async () => {
		const multi = await bed.run(
			mapped(
				'Contacts',
				{ lastname: 'Pick', cf_901: ['Red', 'Pink'] },
				{ writeOptions: { validatePicklists: true } },
			),
		);
		expect(multi.error?.message).toMatch(
			/^The field "cf_901" does not allow "Pink"; allowed: Red, Green, Blue/,
		);
	});
});
