import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { recordFields } from '../../helpers/fields';
import { recordIdOf } from '../../helpers/ids';
import type { VtigerClient } from '../../transport/client';
import {
	columnsField,
	fieldsInputFields,
	recordIdField,
	writeOptionsField,
} from '../common.descriptions';
import { inventoryModuleField, lineItemsFields, lineItemsOf, withLines } from './common';
import { sendLineItems } from './lineWrites';

const properties: INodeProperties[] = [
	inventoryModuleField,
	recordIdField,
	...fieldsInputFields,
	columnsField('update', 'module'),
	{
		displayName: 'Replace Line Items',
		name: 'replaceLineItems',
		type: 'boolean',
		default: false,
		description:
			'Whether to replace all line items of the record by the ones below (Vtiger then recomputes the totals). Off keeps the lines and changes only the header fields given.',
	},
	...lineItemsFields({ replaceLineItems: [true] }),
	writeOptionsField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['inventory'], operation: ['update'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject> {
	const id = await recordIdOf(ctx, client, itemIndex);
	const module = ctx.getNodeParameter('module', itemIndex) as string;
	const { fields } = await recordFields(ctx, client, () => module, itemIndex);
	const header = { ...fields, id };
	if (!(ctx.getNodeParameter('replaceLineItems', itemIndex, false) as boolean))
		return (await client.revise(header)) as IDataObject;
	const element = withLines(ctx, itemIndex, header, await lineItemsOf(ctx, client, itemIndex));
	return await sendLineItems(client, 'revise', { element: JSON.stringify(element) }, id);
}
