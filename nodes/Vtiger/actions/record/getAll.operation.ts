import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { moduleName } from '../../helpers/modules';
import type { VtigerClient } from '../../transport/client';
import { readPages } from '../../transport/paging';
import { selectAfterId, selectSorted, type Condition, type ConditionOperator, type SelectSpec } from '../../transport/vtql';
import { simplified } from '../../helpers/output';
import { moduleField, returnAllFields, simplifyField } from '../common.descriptions';

const properties: INodeProperties[] = [
	moduleField,
	...returnAllFields,
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
							{ name: 'Is One Of', value: 'isOneOf', description: 'Value is a comma-separated list' },
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
						type: 'string',
						default: '',
						description:
							'Compared as text (case-insensitive); dates as YYYY-MM-DD, times in UTC, references and owners as IDs such as 19x1',
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
	simplifyField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Fields to Return Names or IDs',
				name: 'fields',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getFields', loadOptionsDependsOn: ['module.value'] },
				default: [],
				description:
					'Fields to return; all when empty. The ID is always returned. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Sort By Field Name or ID',
				name: 'sortField',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getFields', loadOptionsDependsOn: ['module.value'] },
				default: '',
				description:
					'Field to sort by; by ID when empty. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Sort Direction',
				name: 'sortDirection',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'ASC' },
					{ name: 'Descending', value: 'DESC' },
				],
				default: 'ASC',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['getAll'] } }, properties);

interface ConditionInput {
	field?: string;
	operator?: ConditionOperator;
	value?: string | string[];
}

interface GetManyOptions {
	fields?: string | string[];
	sortField?: string;
	sortDirection?: 'ASC' | 'DESC';
}

export async function execute(ctx: IExecuteFunctions, client: VtigerClient, itemIndex: number): Promise<IDataObject[]> {
	const module = moduleName(ctx, itemIndex);
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? Infinity : (ctx.getNodeParameter('limit', itemIndex) as number);
	const options = ctx.getNodeParameter('options', itemIndex, {}) as GetManyOptions;
	const conditionInputs = ctx.getNodeParameter('conditions.condition', itemIndex, []) as ConditionInput[];

	// Vtiger answers an unknown field in ORDER BY with an empty success, so names are checked first.
	const described = await client.describe(module);
	const known = new Set(described.fields.map((f) => f.name));
	const checked = (name: string, parameter: string) => {
		const trimmed = name.trim();
		if (!known.has(trimmed)) {
			throw new NodeOperationError(ctx.getNode(), `"${parameter}": ${module} has no field "${trimmed}"`, {
				itemIndex,
				description: `Field names are case-sensitive. Fields of ${module}: ${[...known].join(', ')}`,
			});
		}
		return trimmed;
	};

	const conditions: Condition[] = conditionInputs.map((c) => ({
		field: checked(String(c.field ?? ''), 'Conditions'),
		operator: c.operator ?? 'equal',
		value: c.value ?? '',
	}));
	const fields = (Array.isArray(options.fields) ? options.fields : String(options.fields ?? '').split(','))
		.filter((f) => f.trim() !== '')
		.map((f) => checked(f, 'Fields to Return'));
	const sortField = options.sortField?.trim() ? checked(options.sortField, 'Sort By Field') : 'id';
	const descending = options.sortDirection === 'DESC';
	const spec: SelectSpec = {
		module,
		fields,
		conditions,
		combineWith: ctx.getNodeParameter('combineWith', itemIndex, 'AND') as 'AND' | 'OR',
		sortField,
		// A complete walk in descending order is read ascending (stable, tie-broken by id) and reversed.
		sortDirection: descending && !returnAll ? 'DESC' : 'ASC',
	};
	const byId = sortField === 'id' && spec.sortDirection === 'ASC';
	const rows = await readPages(
		async (position, pageSize) =>
			await client.query(
				byId ? selectAfterId(spec, position.lastId, pageSize) : selectSorted(spec, position.offset, pageSize),
			),
		limit,
	);
	return await simplified(ctx, client, itemIndex, descending && returnAll ? rows.reverse() : rows, module);
}
