import type { INodeProperties } from 'n8n-workflow';

export const moduleField: INodeProperties = {
	displayName: 'Module',
	name: 'module',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The Vtiger module, e.g. Contacts, Organizations (Accounts), Opportunities (Potentials), Tickets (HelpDesk)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchModules', searchable: true },
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'Contacts',
			hint: 'The module name, case-sensitive (Module > List shows them)',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^[A-Za-z_][A-Za-z0-9_]*$',
						errorMessage: 'A module name has only letters, digits and underscores',
					},
				},
			],
		},
	],
};

/** The module a record picker searches in; optional when the record is given by ID. */
export const recordModuleField: INodeProperties = {
	...moduleField,
	required: false,
	description: 'The module of the record: needed to pick the record from a list or by its CRM URL',
};

export const recordIdField: INodeProperties = {
	displayName: 'Record',
	name: 'recordId',
	type: 'resourceLocator',
	default: { mode: 'id', value: '' },
	required: true,
	description:
		'The record: picked from the module, by its ID (such as 12x34), or by the URL of its page in the CRM',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchRecords', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '12x34',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*\\d+x\\d+\\s*$',
						errorMessage: 'A record ID looks like 12x34',
					},
				},
			],
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'https://crm.example.com/index.php?module=Contacts&view=Detail&record=34',
		},
	],
};

/** A record picker for one fixed module, listing its records with `searchListMethod`. */
export const recordOfModuleField = (
	displayName: string,
	example: string,
	searchListMethod: string,
): INodeProperties => ({
	...recordIdField,
	displayName,
	description: `The ${displayName.toLowerCase()}: picked from the list, by its ID (such as ${example}), or by the URL of its page in the CRM`,
	modes: recordIdField.modes?.map((mode) =>
		mode.name === 'list' ? { ...mode, typeOptions: { searchListMethod, searchable: true } } : mode,
	),
});

export const fieldsInputFields: INodeProperties[] = [
	{
		displayName: 'Fields Input',
		name: 'fieldsInput',
		type: 'options',
		options: [
			{
				name: 'Map Fields',
				value: 'mapper',
				description: 'Map input data to the fields of the module',
			},
			{
				name: 'Name/Value Pairs',
				value: 'keyValue',
				description: 'Enter each field by name, values sent as written',
			},
			{
				name: 'JSON',
				value: 'json',
				description: 'Give all fields as one JSON object, values sent as written',
			},
		],
		default: 'mapper',
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
						description:
							'Field name as Vtiger knows it (Module > Describe lists them), e.g. lastname or cf_853',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'Dates as YYYY-MM-DD, checkboxes as 1 or 0, references as record IDs such as 11x22',
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

/** The field mapper; `mode` follows n8n's resource mapper (`add`, `update`, `upsert`). */
export const columnsField = (
	mode: 'add' | 'update' | 'upsert',
	moduleParameter = 'module.value',
): INodeProperties => ({
	displayName: 'Fields',
	name: 'columns',
	type: 'resourceMapper',
	noDataExpression: true,
	default: { mappingMode: 'defineBelow', value: null },
	required: true,
	displayOptions: { show: { fieldsInput: ['mapper'] } },
	typeOptions: {
		loadOptionsDependsOn: [moduleParameter],
		resourceMapper: {
			resourceMapperMethod: 'getMappingColumns',
			mode,
			fieldWords: { singular: 'field', plural: 'fields' },
			addAllFields: false,
			multiKeyMatch: true,
			supportAutoMap: true,
			...(mode === 'upsert'
				? {
						matchingFieldsLabels: {
							title: 'Fields to Match On',
							description:
								'A record whose values in these fields equal the input is updated; with none, one is created',
						},
					}
				: {}),
		},
	},
});

/** The owner of the records an operation creates, picked from the users and groups. */
export const assignToOption = (owned: string): INodeProperties => ({
	displayName: 'Assign To Name or ID',
	name: 'assignTo',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getOwners' },
	default: '',
	description: `Owner of ${owned}: a user or a group. The credential's user when empty. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});

export const writeOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'writeOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		assignToOption('created records when "Assigned To" is not given'),
		{
			displayName: 'Validate Picklist Values',
			name: 'validatePicklists',
			type: 'boolean',
			default: false,
			description:
				'Whether to stop a value that is not one of the picklist values of its field before it reaches Vtiger (Vtiger itself stores any value)',
		},
		{
			displayName: 'Values Stored Differently',
			name: 'storedDifferently',
			type: 'options',
			options: [
				{
					name: 'Warn in the Output',
					value: 'warn',
					description:
						'Return the record with a "warnings" list of the fields, sent and stored values',
				},
				{
					name: 'Fail the Item',
					value: 'fail',
					description: 'The record stays saved as Vtiger stored it',
				},
			],
			default: 'warn',
			description:
				'What to do when Vtiger saves a text otherwise than sent without an error: emoji become "?", and text longer than its database column is cut (describe does not tell the column sizes)',
		},
	],
};

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		"Whether to return the ID and the record's name fields first, numbers as numbers, checkboxes as true/false, empty values as null, dates as ISO strings (UTC) and multi-select values as arrays, instead of the record exactly as Vtiger sends it",
};

/** Off for Create and Update: it costs a describe per execution, and 0.1 returned the record as Vtiger sent it. */
export const simplifyWrittenField: INodeProperties = { ...simplifyField, default: false };

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

/** Conditions on the module's fields, as Get Many and the trigger offer them. */
export const conditionsFields: INodeProperties[] = [
	{
		displayName: 'Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Condition',
		default: {},
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'field',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getFields', loadOptionsDependsOn: ['module.value'] },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: [
							{ name: 'Contains', value: 'contains' },
							{ name: 'Ends With', value: 'endsWith' },
							{ name: 'Equal', value: 'equal' },
							{ name: 'Greater Than', value: 'greaterThan' },
							{ name: 'Greater Than or Equal', value: 'greaterOrEqual' },
							{
								name: 'Is One Of',
								value: 'isOneOf',
								description: 'Value is a comma-separated list',
							},
							{ name: 'Less Than', value: 'lessThan' },
							{ name: 'Less Than or Equal', value: 'lessOrEqual' },
							{ name: 'Not Equal', value: 'notEqual' },
							{ name: 'Starts With', value: 'startsWith' },
						],
						default: 'equal',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'resourceLocator',
						default: { mode: 'text', value: '' },
						description:
							'Compared as text (case-insensitive); dates as YYYY-MM-DD, times in UTC, references and owners as IDs such as 19x1. Picklists and owners can be picked from a list.',
						modes: [
							{
								displayName: 'Text',
								name: 'text',
								type: 'string',
								placeholder: 'Value to compare with',
							},
							{
								displayName: 'From List',
								name: 'list',
								type: 'list',
								typeOptions: { searchListMethod: 'searchFieldValues', searchable: true },
							},
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Combine Conditions',
		name: 'combineWith',
		type: 'options',
		options: [
			{ name: 'AND (All Must Match)', value: 'AND' },
			{ name: 'OR (Any May Match)', value: 'OR' },
		],
		default: 'AND',
	},
];

export const fieldsToReturnField: INodeProperties = {
	displayName: 'Fields to Return Names or IDs',
	name: 'fields',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getFields', loadOptionsDependsOn: ['module.value'] },
	default: [],
	description:
		'Fields to return; all when empty. The ID is always returned. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
