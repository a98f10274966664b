import type { INodeProperties } from 'n8n-workflow';

export const moduleField: INodeProperties = {
	displayName: 'Module',
	name: 'module',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'Contacts',
	description:
		'Vtiger module name, case-sensitive: Contacts, Accounts (Organizations), Leads, Potentials (Opportunities), HelpDesk (Tickets), ... Module > List shows them all.',
};

export const recordIdField: INodeProperties = {
	displayName: 'Record ID',
	name: 'recordId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '12x34',
	description: 'Vtiger record ID: module prefix, "x", record number (the "id" field of a record)',
};

export const fieldsInputFields: INodeProperties[] = [
	{
		displayName: 'Fields Input',
		name: 'fieldsInput',
		type: 'options',
		options: [
			{ name: 'Name/Value Pairs', value: 'keyValue', description: 'Enter each field by name' },
			{ name: 'JSON', value: 'json', description: 'Give all fields as one JSON object' },
		],
		default: 'keyValue',
	},
	{
		displayName: 'Fields',
		name: 'fieldsUi',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { fieldsInput: ['keyValue'] } },
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'lastname',
						description: 'Field name as Vtiger knows it (Module > Describe lists them), e.g. lastname or cf_853',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Dates as YYYY-MM-DD, checkboxes as 1 or 0, references as record IDs such as 11x22',
					},
				],
			},
		],
	},
	{
		displayName: 'Fields (JSON)',
		name: 'fieldsJson',
		type: 'json',
		default: '{\n  "lastname": "Doe"\n}',
		displayOptions: { show: { fieldsInput: ['json'] } },
		description: 'A JSON object of field names and values',
	},
];

export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
];
