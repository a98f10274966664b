import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import {
	checkedConditions,
	checkedFieldList,
	fieldChecker,
	type ConditionInput,
} from '../../helpers/conditions';
import { moduleName } from '../../helpers/modules';
import type { VtigerClient } from '../../transport/client';
import { readAllById, readPages, readPagesInParallel } from '../../vtql/paging';
import { parallelRequests, parallelRequestsField } from '../parallel';
import { selectAfterId, selectSorted, type SelectSpec } from '../../vtql/select';
import { simplified } from '../../helpers/output';
import {
	conditionsFields,
	fieldsToReturnField,
	moduleField,
	returnAllFields,
	simplifyField,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	moduleField,
	...returnAllFields,
	...conditionsFields,
	simplifyField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			fieldsToReturnField,
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
	parallelRequestsField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['getAll'] } },
	properties,
);

interface GetManyOptions {
	fields?: string | string[];
	sortField?: string;
	sortDirection?: 'ASC' | 'DESC';
}

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const module = moduleName(ctx, itemIndex);
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? Infinity : (ctx.getNodeParameter('limit', itemIndex) as number);
	const options = ctx.getNodeParameter('options', itemIndex, {}) as GetManyOptions;
	const checked = fieldChecker(ctx.getNode(), await client.describe(module), itemIndex);
	const conditions = checkedConditions(
		ctx.getNodeParameter('conditions.condition', itemIndex, []) as ConditionInput[],
		checked,
	);
	const fields = checkedFieldList(options.fields, checked);
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
	const lanes = returnAll ? parallelRequests(ctx, itemIndex) : 1;
	const onLane = (lane: number) => client.onLane(lane);
	let rows;
	if (byId && returnAll) {
		rows = await readAllById(
			async (range, pageSize, lane) =>
				await onLane(lane).query(selectAfterId(spec, range.after, pageSize, range.upTo)),
			async () =>
				(
					await client.query(selectSorted({ ...spec, fields: ['id'], sortDirection: 'DESC' }, 0, 1))
				)[0]?.id as string,
			lanes,
		);
	} else if (returnAll) {
		rows = await readPagesInParallel(
			async (offset, pageSize, lane) =>
				await onLane(lane).query(selectSorted(spec, offset, pageSize)),
			lanes,
		);
	} else {
		rows = await readPages(
			async (position, pageSize) =>
				await client.query(
					byId
						? selectAfterId(spec, position.lastId, pageSize)
						: selectSorted(spec, position.offset, pageSize),
				),
			limit,
		);
	}
	return await simplified(
		ctx,
		client,
		itemIndex,
		descending && returnAll ? rows.reverse() : rows,
		module,
	);
}
