import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { checkedConditions, fieldChecker, type ConditionInput } from '../../helpers/conditions';
import { moduleName } from '../../helpers/modules';
import type { VtigerClient } from '../../transport/client';
import { readPages } from '../../vtql/paging';
import { selectAfterId, selectCount } from '../../vtql/select';
import { conditionsFields, moduleField } from '../common.descriptions';

const properties: INodeProperties[] = [moduleField, ...conditionsFields];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['count'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject> {
	const module = moduleName(ctx, itemIndex);
	const checked = fieldChecker(ctx.getNode(), await client.describe(module), itemIndex);
	const spec = {
		module,
		conditions: checkedConditions(
			ctx.getNodeParameter('conditions.condition', itemIndex, []) as ConditionInput[],
			checked,
		),
		combineWith: ctx.getNodeParameter('combineWith', itemIndex, 'AND') as 'AND' | 'OR',
	};
	const [counted] = await client.query(selectCount(spec));
	const count = Number(counted?.count);
	if (counted && Number.isInteger(count)) return { module, count };
	// Vtiger 8.3.0 answers count(*) with an empty list, never a number: count the ids instead.
	const ids = await readPages(
		async (position, pageSize) =>
			await client.query(selectAfterId({ ...spec, fields: ['id'] }, position.lastId, pageSize)),
	);
	return { module, count: ids.length };
}
