import type {
	INodeListSearchResult,
	INodePropertyOptions,
	ResourceMapperFields,
} from 'n8n-workflow';

import { callNodeMethod } from '../harness/engine';
import { startTestBed, type VtigerTestBed } from '../harness/fixture';
import { emulatorOnly, onRealServer } from '../harness/target';

const picklist = (values: string[]) => values.map((value) => ({ label: value, value }));
const customField = (name: string, label: string, type: object) => ({
	name,
	label,
	mandatory: false,
	type,
	isunique: false,
	nullable: true,
	editable: true,
	default: '',
});
const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });
/** Tests using the custom fields cf_901..cf_906 or the module Vehicles, which only the emulator can add. */
const withCustomFields = emulatorOnly('custom fields and a custom module added to the emulator');

describe('Metadata-driven editing', () => {
	let bed: VtigerTestBed;
	const method = async <T>(
		kind: 'loadOptions' | 'listSearch' | 'resourceMapping',
		name: string,
		parameters: object,
		...args: unknown[]
	) =>
		await callNodeMethod<T>(
			kind,
			name,
			{ parameters: parameters as never, credentials: bed.credentials, credential: bed.credential },
			...args,
		);
	const mapped = (module: string, value: object, extra: object = {}) => ({
		resource: 'record',
		operation: 'create',
		module: rl(module),
		fieldsInput: 'mapper',
		columns: { mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] },
		...extra,
	});

	/** The run's tag (empty on the emulator): names of created records start with it. */
	const t = () => bed.crm.tag;

	beforeAll(async () => {
		bed = await startTestBed();
		if (onRealServer) return;
		bed.emulator.addField(
			'Contacts',
			customField('cf_901', 'Favourite Colours', {
				name: 'multipicklist',
				picklistValues: picklist(['Red', 'Green', 'Blue']),
			}),
		);
		bed.emulator.addField('Contacts', customField('cf_902', 'Skype Name', { name: 'skype' }));
		bed.emulator.addField('Contacts', customField('cf_903', 'Shoe Size', { name: 'integer' }));
		bed.emulator.addField('Contacts', customField('cf_904', 'Credit Limit', { name: 'currency' }));
		bed.emulator.addField('Contacts', customField('cf_905', 'Best Time To Call', { name: 'time' }));
		bed.emulator.addField('Contacts', customField('cf_906', 'Last Visit', { name: 'datetime' }));
		bed.emulator.addModule({
			name: 'Vehicles',
			label: 'Vehicles',
			singular: 'Vehicle',
			labelFields: 'vehiclename',
			fields: [
				{ ...customField('vehiclename', 'Vehicle Name', { name: 'string' }), mandatory: true },
				customField('plate', 'Plate', { name: 'string' }),
				customField('purchased', 'Purchased On', { name: 'date', format: 'yyyy-mm-dd' }),
				customField('mileage', 'Mileage', { name: 'integer' }),
				customField('driver', 'Driver', { name: 'reference', refersTo: ['Contacts'] }),
				{ ...customField('assigned_user_id', 'Assigned To', { name: 'owner' }), mandatory: true },
			],
		});
	});
	afterAll(async () => await bed.stop());

	test('module list: entity modules by label, searchable, actors left out', async () => {
		const all = await method<INodeListSearchResult>('listSearch', 'searchModules', {});
		expect(all.results).toContainEqual({ name: 'Organizations (Accounts)', value: 'Accounts' });
		expect(all.results.map((r) => r.value)).not.toContain('Groups');
		const found = await method<INodeListSearchResult>('listSearch', 'searchModules', {}, 'organ');
		expect(found.results).toEqual([{ name: 'Organizations (Accounts)', value: 'Accounts' }]);
	});

	withCustomFields('module list and fields include custom modules and custom fields', async () => {
		const all = await method<INodeListSearchResult>('listSearch', 'searchModules', {});
		expect(all.results).toContainEqual({ name: 'Vehicles', value: 'Vehicles' });
		const fields = await method<INodePropertyOptions[]>('loadOptions', 'getFields', {
			module: rl('Contacts'),
		});
		expect(fields).toContainEqual({
			name: 'Favourite Colours (cf_901)',
			value: 'cf_901',
			description: 'cf_901: multipicklist',
		});
	});

	test('fields and owners', async () => {
		const fields = await method<INodePropertyOptions[]>('loadOptions', 'getFields', {
			module: rl('Contacts'),
		});
		expect(fields).toContainEqual({
			name: 'Last Name (lastname)',
			value: 'lastname',
			description: 'lastname: string',
		});
		const owners = await method<INodePropertyOptions[]>('loadOptions', 'getOwners', {
			module: rl('Contacts'),
		});
		const me = await bed.crm.retrieve(bed.crm.userId);
		const myName = [me?.first_name, me?.last_name].filter((part) => part).join(' ');
		expect(owners).toContainEqual({ name: `${myName} (admin)`, value: bed.crm.userId });
		expect(owners).toContainEqual({
			name: 'Marketing Group (group)',
			value: await bed.crm.groupId('Marketing Group'),
		});
	});

	const conditionValues = async (field: string, filter?: string) =>
		(
			await callNodeMethod<INodeListSearchResult>(
				'listSearch',
				'searchFieldValues',
				{
					parameters: {
						module: rl('Contacts'),
						conditions: { condition: [{ field, operator: 'equal' }] },
					} as never,
					credentials: bed.credentials,
					credential: bed.credential,
					path: 'parameters.conditions.condition[0].value',
				},
				filter,
			)
		).results;

	withCustomFields('condition values of a custom multipicklist, searchable', async () => {
		expect(await conditionValues('cf_901', 'gr')).toEqual([{ name: 'Green', value: 'Green' }]);
	});

	test('condition values: picklist values and owners from a list, next to free text', async () => {
		const values = async (field: string, filter?: string) =>
			(
				await callNodeMethod<INodeListSearchResult>(
					'listSearch',
					'searchFieldValues',
					{
						parameters: {
							module: rl('Contacts'),
							conditions: { condition: [{ field, operator: 'equal' }] },
						} as never,
						credentials: bed.credentials,
						credential: bed.credential,
						path: 'parameters.conditions.condition[0].value',
					},
					filter,
				)
			).results;
		expect(await values('leadsource')).toContainEqual({ name: 'Web Site', value: 'Web Site' });
		expect(await values('assigned_user_id')).toContainEqual({
			name: 'Support Group (group)',
			value: await bed.crm.groupId('Support Group'),
		});
		expect(await values('lastname')).toEqual([]);

		await bed.crm.insert('Contacts', { lastname: `${t()}Picked`, leadsource: 'Partner' });
		const found = await bed.json({
			resource: 'record',
			operation: 'getAll',
			module: rl('Contacts'),
			returnAll: true,
			conditions: {
				condition: [
					{ field: 'leadsource', operator: 'equal', value: rl('Partner') },
					{
						field: 'lastname',
						operator: 'equal',
						value: { __rl: true, mode: 'text', value: `${t()}Picked` },
					},
				],
			},
			options: { fields: ['lastname'] },
		});
		expect(found.map((r) => r.lastname)).toEqual([`${t()}Picked`]);
	});

	test('mapper columns follow describe: types, required on Create, options, read-only fields left out', async () => {
		const create = await method<ResourceMapperFields>('resourceMapping', 'getMappingColumns', {
			module: rl('Contacts'),
			operation: 'create',
		});
		const byId = new Map(create.fields.map((f) => [f.id, f]));
		expect(byId.get('lastname')).toMatchObject({
			displayName: 'Last Name (lastname)',
			required: true,
			type: 'string',
		});
		expect(byId.get('assigned_user_id')).toMatchObject({ required: false, type: 'string' });
		expect(byId.get('leadsource')).toMatchObject({ type: 'options', required: false });
		expect(byId.get('leadsource')?.options).toContainEqual({ name: 'Web Site', value: 'Web Site' });
		expect(byId.get('emailoptout')?.type).toBe('boolean');
		expect(byId.get('birthday')?.type).toBe('dateTime');
		for (const readOnly of ['contact_no', 'createdtime', 'modifiedtime', 'id'])
			expect(byId.has(readOnly)).toBe(false);
		const update = await method<ResourceMapperFields>('resourceMapping', 'getMappingColumns', {
			module: rl('Contacts'),
			operation: 'update',
		});
		expect(update.fields.every((f) => !f.required)).toBe(true);
	});

	withCustomFields('mapper columns of custom fields and of a custom module', async () => {
		const create = await method<ResourceMapperFields>('resourceMapping', 'getMappingColumns', {
			module: rl('Contacts'),
			operation: 'create',
		});
		const byId = new Map(create.fields.map((f) => [f.id, f]));
		expect(byId.get('cf_901')?.type).toBe('array');
		expect(byId.get('cf_903')?.type).toBe('number');
		expect(byId.get('cf_905')?.type).toBe('time');
		const vehicles = await method<ResourceMapperFields>('resourceMapping', 'getMappingColumns', {
			module: rl('Vehicles'),
			operation: 'create',
		});
		expect(vehicles.fields.filter((f) => f.required).map((f) => f.id)).toEqual(['vehiclename']);
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

	test("with the schema the editor stores, n8n's own type checks and conversions come first (standard fields)", async () => {
		const schema = (
			await method<ResourceMapperFields>('resourceMapping', 'getMappingColumns', {
				module: rl('Contacts'),
				operation: 'create',
			})
		).fields;
		const group = await bed.crm.groupId('Team Selling');
		const value = {
			lastname: `${t()}Schema`,
			emailoptout: true,
			birthday: '1985-06-30T00:00:00.000Z',
			leadsource: 'Web Site',
			assigned_user_id: group,
		};
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
			const schema = (
				await method<ResourceMapperFields>('resourceMapping', 'getMappingColumns', {
					module: rl('Contacts'),
					operation: 'create',
				})
			).fields;
			const value = {
				lastname: 'Schema',
				emailoptout: true,
				birthday: '1985-06-30T00:00:00.000Z',
				cf_901: ['Green'],
				cf_903: 9,
				leadsource: 'Web Site',
				assigned_user_id: '20x2',
			};
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

	test('Map Automatically matches input keys to field names or labels and leaves the rest', async () => {
		const params = {
			resource: 'record',
			operation: 'create',
			module: rl('Contacts'),
			fieldsInput: 'mapper',
			columns: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
		};
		const [contact] = await bed.json(params, [
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
		const params = {
			resource: 'record',
			operation: 'create',
			module: rl('Contacts'),
			fieldsInput: 'mapper',
			columns: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
		};
		const [contact] = await bed.json(params, [
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

	test('Create or Update: no match creates, one match updates, several matches fail or update all', async () => {
		const upsert = (value: object, extra: object = {}) => ({
			resource: 'record',
			operation: 'upsert',
			module: rl('Contacts'),
			fieldsInput: 'mapper',
			columns: { mappingMode: 'defineBelow', value, matchingColumns: ['email'], schema: [] },
			...extra,
		});
		// The e-mail address is unique to the run (the tag is empty on the emulator).
		const email = `${t().toLowerCase()}up@example.com`;
		const [created] = await bed.json(upsert({ email, lastname: `${t()}Upsert`, phone: '1' }));
		expect(created).toMatchObject({
			upsertAction: 'created',
			lastname: `${t()}Upsert`,
			phone: '1',
		});
		const [updated] = await bed.json(upsert({ email: email.toUpperCase(), phone: '2' }));
		expect(updated).toMatchObject({
			upsertAction: 'updated',
			id: created.id,
			lastname: `${t()}Upsert`,
			phone: '2',
		});

		const twin = await bed.crm.insert('Contacts', { lastname: `${t()}Twin`, email });
		const several = await bed.run(upsert({ email, phone: '3' }));
		expect(several.error?.message).toBe(
			`2 Contacts records match email: ${created.id}, ${twin} [item 0]`,
		);
		const all = await bed.json(upsert({ email, phone: '4' }, { onSeveralMatches: 'updateAll' }));
		expect(all.map((r) => [r.id, r.phone, r.upsertAction])).toEqual([
			[created.id, '4', 'updated'],
			[twin, '4', 'updated'],
		]);

		const [byJson] = await bed.json({
			resource: 'record',
			operation: 'upsert',
			module: rl('Accounts'),
			fieldsInput: 'json',
			fieldsJson: JSON.stringify({
				accountname: `${t()}Upsert Ltd`,
				website: 'https://upsert.example',
			}),
			matchFields: ['accountname'],
		});
		expect(byJson.upsertAction).toBe('created');
		const noValue = await bed.run(upsert({ lastname: `${t()}No e-mail` }));
		expect(noValue.error?.message).toBe(
			'The field "email" is used to match records but has no value [item 0]',
		);
	});

	test('record picker: from the list (searchable, paged, with links), by ID and by CRM URL', async () => {
		const target = await bed.crm.insert('Contacts', {
			firstname: 'Pick',
			lastname: `${t()}O'Picker`,
		});
		const found = await method<INodeListSearchResult>(
			'listSearch',
			'searchRecords',
			{ module: rl('Contacts') },
			`${t()}O'Pick`,
		);
		expect(found.results).toEqual([
			{
				name: `Pick ${t()}O'Picker`,
				value: target,
				url: `${bed.url}/index.php?module=Contacts&view=Detail&record=${target.split('x')[1]}`,
			},
		]);
		for (let n = 0; n < 120; n++)
			await bed.crm.insert('Leads', { lastname: `${t()}Paged ${n}`, company: 'P' });
		const first = await method<INodeListSearchResult>('listSearch', 'searchRecords', {
			module: rl('Leads'),
		});
		expect(first.results).toHaveLength(100);
		const second = await method<INodeListSearchResult>(
			'listSearch',
			'searchRecords',
			{ module: rl('Leads') },
			undefined,
			first.paginationToken,
		);
		expect(second.results.length).toBeGreaterThanOrEqual(20);
		expect(second.paginationToken).toBeUndefined();

		const get = async (recordId: object) =>
			await bed.json({ resource: 'record', operation: 'get', module: rl('Contacts'), recordId });
		expect((await get(rl(target)))[0].lastname).toBe(`${t()}O'Picker`);
		expect((await get(rl(target, 'id')))[0].lastname).toBe(`${t()}O'Picker`);
		const url = `https://crm.example.com/index.php?module=Contacts&view=Detail&record=${target.split('x')[1]}&app=MARKETING`;
		expect((await get(rl(url, 'url')))[0].id).toBe(target);
		const bad = await bed.run({
			resource: 'record',
			operation: 'get',
			recordId: rl('https://crm.example.com/index.php?module=Contacts', 'url'),
		});
		expect(bad.error?.message).toMatch(
			/^"Record" by URL needs the address of a record's page in the CRM/,
		);
	});

	test('Simplify returns plain JSON types; off returns what Vtiger sent (standard fields)', async () => {
		const id = await bed.crm.insert('Contacts', {
			lastname: `${t()}Zoë & <Co>`,
			firstname: 'Plain',
			emailoptout: '1',
		});
		const [simple] = await bed.json({
			resource: 'record',
			operation: 'get',
			recordId: rl(id, 'id'),
		});
		expect(simple).toMatchObject({
			emailoptout: true,
			donotcall: false,
			phone: null,
			account_id: null,
			birthday: null,
			label: `Plain ${t()}Zoë & <Co>`,
		});
		expect(simple.createdtime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		const [raw] = await bed.json({
			resource: 'record',
			operation: 'get',
			recordId: rl(id, 'id'),
			simplify: false,
		});
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
		const [simple] = await bed.json({
			resource: 'record',
			operation: 'get',
			recordId: rl(id, 'id'),
		});
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
		const [raw] = await bed.json({
			resource: 'record',
			operation: 'get',
			recordId: rl(id, 'id'),
			simplify: false,
		});
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
