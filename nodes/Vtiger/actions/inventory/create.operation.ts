import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { recordFields, withDefaultOwner } from '../../helpers/fields';
import type { VtigerClient } from '../../transport/client';
import { columnsField, fieldsInputFields, writeOptionsField } from '../common.descriptions';
import { inventoryModuleField, lineItemsFields, lineItemsOf, withLines } from './common';
import { sendLineItems } from './lineWrites';

const properties: INodeProperties[] = [
	inventoryModuleField,
	...fieldsInputFields,
	columnsField('add', 'module'),
	...lineItemsFields(),
	writeOptionsField,
	{
		displayName:
			'Vtiger computes the totals. Vtiger 8.3.0 cannot create inventory records over the API at all (a known server defect): there, create them in the CRM and use Update.',
		name: 'inventoryCreateNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['inventory'], operation: ['create'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject> {
	const module = ctx.getNodeParameter('module', itemIndex) as string;
	const { fields } = await recordFields(ctx, client, () => module, itemIndex);
	const header = await withDefaultOwner(ctx, client, itemIndex, fields);
	const element = withLines(ctx, itemIndex, header, await lineItemsOf(ctx, client, itemIndex));
	return await sendLineItems(client, 'create', {
		elementType: module,
		element: JSON.stringify(element),
	});
}
