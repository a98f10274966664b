import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { recordFields } from '../../helpers/fields';
import { recordIdOf } from '../../helpers/ids';
import { optionalModuleName } from '../../helpers/modules';
import { simplified } from '../../helpers/output';
import { checkedWrite } from '../../helpers/stored';
import type { VtigerClient } from '../../transport/client';
import {
	columnsField,
	fieldsInputFields,
	recordIdField,
	recordModuleField,
	simplifyWrittenField,
	writeOptionsField,
} from '../common.descriptions';
import { parallelRequestsField } from '../parallel';

export const runsItemsInParallel = true;

const properties: INodeProperties[] = [
	recordModuleField,
	recordIdField,
	...fieldsInputFields,
	columnsField('update'),
	{
		displayName: 'Replace All Fields',
		name: 'replaceAllFields',
		type: 'boolean',
		default: false,
		description:
			"Whether to use Vtiger's full update instead of a partial one. A full update needs every mandatory field; fields sent empty are cleared (references excepted); fields left out keep their values on Vtiger 7 and 8 but are cleared by older versions.",
	},
	simplifyWrittenField,
	writeOptionsField,
	parallelRequestsField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['update'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject> {
	const id = await recordIdOf(ctx, client, itemIndex);
	const { fields } = await recordFields(
		ctx,
		client,
		() => optionalModuleName(ctx, itemIndex),
		itemIndex,
	);
	const element = { ...fields, id };
	const replaceAll = ctx.getNodeParameter('replaceAllFields', itemIndex, false) as boolean;
	const record = (
		replaceAll ? await client.update(element) : await client.revise(element)
	) as IDataObject;
	const checked = await checkedWrite(ctx, client, itemIndex, element, record);
	return (
		await simplified(ctx, client, itemIndex, [checked], optionalModuleName(ctx, itemIndex))
	)[0];
}
