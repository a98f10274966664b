import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { recordIdOf } from '../../helpers/ids';
import { isLineItemField } from '../../helpers/inventory';
import { simplified } from '../../helpers/output';
import type { VtigerClient } from '../../transport/client';
import type { VtigerRecord } from '../../transport/types';
import { selectWhere } from '../../vtql/select';
import { recordIdField, simplifyField } from '../common.descriptions';
import { inventoryModuleField } from './common';

const properties: INodeProperties[] = [inventoryModuleField, recordIdField, simplifyField];

export const description = updateDisplayOptions(
	{ show: { resource: ['inventory'], operation: ['get'] } },
	properties,
);

/** Charge pseudo-fields such as `shipping_&_handling` are not columns VTQL can select. */
const COLUMN = /^[A-Za-z_]\w*$/;

/**
 * Vtiger 8.x on PHP 8 cannot `retrieve` an individual-tax record without lines: the header comes
 * from `query` with explicit header fields, the (missing) lines from LineItem
 * (docs/vtiger-webservice.md#inventory-retrieve).
 */
async function readThroughQuery(
	client: VtigerClient,
	module: string,
	id: string,
): Promise<VtigerRecord> {
	const { fields } = await client.describe(module);
	const header = fields
		.map((f) => f.name)
		.filter((name) => COLUMN.test(name) && !isLineItemField(name) && name !== 'id');
	const byId = (field: string) => [{ field, operator: 'equal' as const, value: id }];
	const [record] = await client.query(
		selectWhere({ module, fields: header, conditions: byId('id') }),
	);
	const lines = await client.query(
		selectWhere({ module: 'LineItem', conditions: byId('parent_id') }),
	);
	return { ...record, LineItems: lines };
}

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject> {
	const id = await recordIdOf(ctx, client, itemIndex);
	const module = ctx.getNodeParameter('module', itemIndex) as string;
	const record = await client.callOrOnDefect<VtigerRecord>(
		'retrieve',
		{ id },
		async () => await readThroughQuery(client, module, id),
	);
	if (!(ctx.getNodeParameter('simplify', itemIndex, true) as boolean)) return record as IDataObject;
	const header = { ...record };
	// A UI structure of unstable shape, and a stray duplicate of the owner
	// (docs/vtiger-webservice.md#inventory-retrieve).
	for (const key of ['LineItems', 'LineItems_FinalDetails', 'assigned_user_id1'])
		delete header[key];
	const [simple] = await simplified(ctx, client, itemIndex, [header], module);
	const lines = await simplified(
		ctx,
		client,
		itemIndex,
		(record.LineItems as VtigerRecord[] | undefined) ?? [],
		'LineItem',
	);
	return { ...simple, LineItems: lines };
}
