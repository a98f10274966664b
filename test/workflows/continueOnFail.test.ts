/**
 * Bad items, with and without Continue On Fail: the bad item is named and paired, the others
 * succeed.
 */
import type { IDataObject } from 'n8n-workflow';

import { useTestBed, type VtigerTestBed } from '../harness/fixture';

/**
 * The bad-input matrix: three items, the middle one bad. Without Continue On Fail the error names
 * item 1, the field and what to do; with it, item 1 becomes one error item paired to it while
 * items 0 and 2 succeed in the same run. The README's Troubleshooting table is this file.
 */
interface BadInput {
	name: string;
	parameters: (bed: VtigerTestBed) => object;
	input: (bed: VtigerTestBed) => IDataObject[] | Promise<IDataObject[]>;
	message: RegExp;
	/** What to do, where the message alone does not say it. */
	description?: RegExp;
}

const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const createFromJson = {
	resource: 'record',
	operation: 'create',
	module: rl('Contacts', 'name'),
	fieldsInput: 'json',
};
const mapped = (value: object, writeOptions: object = {}) => ({
	resource: 'record',
	operation: 'create',
	module: rl('Contacts', 'list'),
	fieldsInput: 'mapper',
	columns: { mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] },
	writeOptions,
});
const get = { resource: 'record', operation: 'get', recordId: rl('={{ $json.id }}') };
const contactId = async (bed: VtigerTestBed, lastname: string) =>
	await bed.crm.insert('Contacts', { lastname: `${bed.crm.tag}${lastname}` });
/** Names of created records carry the run's tag (empty on the emulator), so a real CRM is cleaned up after. */
const tagged = (bed: VtigerTestBed, items: IDataObject[]) =>
	items.map((item) =>
		typeof item.lastname === 'string'
			? { ...item, lastname: `${bed.crm.tag}${item.lastname}` }
			: item,
	);

const cases: BadInput[] = [
	{
		name: 'unknown module',
		parameters: (bed) => ({
			...createFromJson,
			module: rl('={{ $json.module }}', 'name'),
			fieldsJson: JSON.stringify({ lastname: `${bed.crm.tag}Bad module` }),
		}),
		input: () => [{ module: 'Contacts' }, { module: 'contacts' }, { module: 'Contacts' }],
		message: /^The module "contacts" does not exist or this user may not use it \[item 1\]$/,
		description: /Module names are case-sensitive/,
	},
	{
		name: 'unknown field (in conditions)',
		parameters: (bed) => ({
			resource: 'record',
			operation: 'getAll',
			module: rl('Contacts', 'name'),
			returnAll: false,
			limit: 1,
			conditions: {
				condition: [
					{ field: '={{ $json.field }}', operator: 'equal', value: `${bed.crm.tag}Bad field` },
				],
			},
		}),
		input: async (bed) => {
			await contactId(bed, 'Bad field');
			return [{ field: 'lastname' }, { field: 'LastName' }, { field: 'lastname' }];
		},
		message: /^"Conditions": Contacts has no field "LastName" \[item 1\]$/,
		description: /^Field names are case-sensitive\. Fields of Contacts: .*lastname/,
	},
	{
		name: 'unknown field (in the fields of a create)',
		parameters: () => ({ ...createFromJson, fieldsJson: '={{ JSON.stringify($json) }}' }),
		input: (bed) =>
			tagged(bed, [
				{ lastname: 'Field-0' },
				{ lastname: 'Field-1', Phone: '1' },
				{ lastname: 'Field-2' },
			]),
		message: /^Contacts has no field "Phone" \[item 1\]$/,
		description: /^Field names are case-sensitive: did you mean "phone"\?$/,
	},
	{
		name: 'malformed JSON in "Fields (JSON)"',
		parameters: () => ({ ...createFromJson, fieldsJson: '={{ $json.raw }}' }),
		input: (bed) => [
			{ raw: `{"lastname": "${bed.crm.tag}Json-0"}` },
			{ raw: `{"lastname": "${bed.crm.tag}Json-1",` },
			{ raw: `{"lastname": "${bed.crm.tag}Json-2"}` },
		],
		message: /^"Fields \(JSON\)" is not valid JSON: .+ \[item 1\]$/,
		description: /^Give the fields as a JSON object/,
	},
	{
		name: 'missing mandatory field',
		parameters: () => ({ ...createFromJson, fieldsJson: '={{ JSON.stringify($json) }}' }),
		input: (bed) =>
			tagged(bed, [
				{ lastname: 'Mandatory-0' },
				{ firstname: 'No last name' },
				{ lastname: 'Mandatory-2' },
			]),
		message: /^The mandatory field "lastname" has no value \[item 1\]$/,
		description: /^Give "lastname" a non-empty value/,
	},
	{
		name: 'malformed record ID',
		parameters: () => get,
		input: async (bed) => [
			{ id: await contactId(bed, 'Id-0') },
			{ id: '12X3' },
			{ id: await contactId(bed, 'Id-2') },
		],
		message: /^"Record" must be a Vtiger record ID such as 12x34, not "12X3" \[item 1\]$/,
		description: /the module prefix, an "x" and the record number/,
	},
	{
		name: 'record not found or deleted',
		parameters: () => ({
			resource: 'record',
			operation: 'update',
			recordId: rl('={{ $json.id }}'),
			fieldsInput: 'json',
			fieldsJson: '{"phone": "1"}',
		}),
		input: async (bed) => {
			const deleted = await contactId(bed, 'Deleted');
			await bed.json({ resource: 'record', operation: 'delete', recordId: rl(deleted) });
			return [
				{ id: await contactId(bed, 'Found-0') },
				{ id: deleted },
				{ id: await contactId(bed, 'Found-2') },
			];
		},
		message:
			/^The record \d+x\d+ was not found, was deleted, or this user may not access it \[item 1\]$/,
		description: /^Check the ID: Get Many finds records/,
	},
	{
		name: 'illegal picklist value (Validate Picklist Values)',
		parameters: () =>
			mapped(
				{ lastname: '={{ $json.lastname }}', leadsource: '={{ $json.source }}' },
				{ validatePicklists: true },
			),
		input: (bed) =>
			tagged(bed, [
				{ lastname: 'Pick-0', source: 'Web Site' },
				{ lastname: 'Pick-1', source: 'Carrier Pigeon' },
				{ lastname: 'Pick-2', source: 'Cold Call' },
			]),
		message:
			/^The field "leadsource" does not allow "Carrier Pigeon"; allowed: .*Web Site.* \[item 1\]$/,
	},
	{
		name: 'wrong value type (Map Fields)',
		parameters: () =>
			mapped({ lastname: '={{ $json.lastname }}', birthday: '={{ $json.birthday }}' }),
		input: (bed) =>
			tagged(bed, [
				{ lastname: 'Type-0', birthday: '1990-01-31' },
				{ lastname: 'Type-1', birthday: '2026-02-30' },
				{ lastname: 'Type-2', birthday: '1990-12-01' },
			]),
		message: /^The field "birthday" expects a date that exists, not 2026-02-30 \[item 1\]$/,
	},
	{
		name: 'empty required parameter',
		parameters: () => get,
		input: async (bed) => [
			{ id: await contactId(bed, 'Empty-0') },
			{ id: '' },
			{ id: await contactId(bed, 'Empty-2') },
		],
		message:
			/^"Record" is empty: give a record ID such as 12x34, or pick the record from the list \[item 1\]$/,
		description: /expression .* no value in this item/,
	},
];

describe('Bad-input matrix: the bad item is named, the others succeed', () => {
	const bed = useTestBed();

	test.each(cases)('$name', async ({ parameters, input, message, description }) => {
		const items = await input(bed);
		const stopped = await bed.run(parameters(bed), items);
		expect(stopped.error?.message).toMatch(message);
		if (description) expect(stopped.error?.description).toMatch(description);

		const continued = await bed.run(parameters(bed), items, { continueOnFail: true });
		expect(continued.error).toBeUndefined();
		expect(continued.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(continued.items[1].json.error).toMatch(message);
		expect(continued.items.filter((i) => i.json.error !== undefined)).toHaveLength(1);
		expect(continued.items[0].json.id).toMatch(/^\d+x\d+$/);
		expect(continued.items[2].json.id).toMatch(/^\d+x\d+$/);
	});
});
