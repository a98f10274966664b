/**
 * The editor's lists and the mapper's columns (nodes/Vtiger/methods: loadOptions, listSearch,
 * resourceMapping), called as the editor calls them, and the record picker's modes.
 */
import type {
	INodeListSearchResult,
	INodePropertyOptions,
	ResourceMapperFields,
} from 'n8n-workflow';

import { callNodeMethod } from '../harness/engine';
import { editorMethod, useTestBed } from '../harness/fixture';
import { addCustomFields, insertWidgetAndSupport } from '../harness/seed';
import { emulatorOnly, emulatorOnlyDescribe, onRealServer } from '../harness/target';

const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });
/** Tests using the custom fields cf_901..cf_906 or the module Vehicles, which only the emulator can add. */
const withCustomFields = emulatorOnly('custom fields and a custom module added to the emulator');

describe('Modules, fields, owners, condition values and mapper columns', () => {
	const bed = useTestBed();
	const method = editorMethod(bed);
	/** The run's tag (empty on the emulator): names of created records start with it. */
	const t = () => bed.crm.tag;

	beforeAll(() => {
		if (!onRealServer) addCustomFields(bed.emulator);
	});

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
		const values = conditionValues;
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
});

describe('Document folders and the document picker', () => {
	const bed = useTestBed();
	/** The run's tag (empty on the emulator): names of created records start with it. */
	const t = () => bed.crm.tag;

	test('the folder dropdown lists the document folders; the document picker lists documents by title', async () => {
		const methods = { parameters: {}, credentials: bed.credentials, credential: bed.credential };
		const folders = await callNodeMethod<Array<{ name: string; value: string }>>(
			'loadOptions',
			'getDocumentFolders',
			methods,
		);
		expect(folders).toContainEqual({
			name: 'Default',
			value: `${await bed.crm.idPrefix('DocumentFolders')}x1`,
		});
		const doc = await bed.crm.insert('Documents', { notes_title: `${t()}Picked by title` });
		const found = await callNodeMethod<{ results: Array<{ name: string; value: string }> }>(
			'listSearch',
			'searchDocuments',
			methods,
			'by title',
		);
		expect(found.results.map((r) => [r.name, r.value])).toEqual([[`${t()}Picked by title`, doc]]);
	});
});

emulatorOnlyDescribe('seeds products and services')('The product picker', () => {
	const bed = useTestBed();
	let widget: string;
	let support: string;

	beforeAll(() => {
		({ widget, support } = insertWidgetAndSupport(bed.emulator));
	});

	test('the product picker lists products, then services', async () => {
		const { callNodeMethod } = await import('../harness/engine');
		const first = await callNodeMethod<{
			results: Array<{ name: string; value: string }>;
			paginationToken?: string;
		}>('listSearch', 'searchProductsAndServices', {
			parameters: {},
			credentials: bed.credentials,
			credential: bed.credential,
		});
		expect(first.results).toContainEqual(
			expect.objectContaining({ name: 'Widget (product)', value: widget }),
		);
		const next = await callNodeMethod<{ results: Array<{ name: string; value: string }> }>(
			'listSearch',
			'searchProductsAndServices',
			{ parameters: {}, credentials: bed.credentials, credential: bed.credential },
			undefined,
			first.paginationToken,
		);
		expect(next.results).toContainEqual(
			expect.objectContaining({ name: 'Support hour (service)', value: support }),
		);
	});
});
