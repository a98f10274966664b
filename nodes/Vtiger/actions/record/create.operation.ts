import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { recordFields, withCreateDefaults, withDefaultOwner } from '../../helpers/fields';
import { moduleName } from '../../helpers/modules';
import { simplified } from '../../helpers/output';
import { checkedWrite } from '../../helpers/stored';
import type { VtigerClient } from '../../transport/client';
import {
	columnsField,
	fieldsInputFields,
	moduleField,
	simplifyWrittenField,
	writeOptionsField,
} from '../common.descriptions';
import { parallelRequestsField } from '../parallel';

export const runsItemsInParallel = true;

const properties: INodeProperties[] = [
	moduleField,
	...fieldsInputFields,
	columnsField('add'),
	simplifyWrittenField,
	writeOptionsField,
	{
		displayName:
			'"Assigned To" (assigned_user_id) defaults to the credential\'s user, or to "Assign To" under Options',
		name: 'createNotice',
		type: 'notice',
		default: '',
	},
	parallelRequestsField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['create'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject> {
	const module = moduleName(ctx, itemIndex);
	const { fields } = await recordFields(ctx, client, () => module, itemIndex);
	const element = withCreateDefaults(
		module,
		await withDefaultOwner(ctx, client, itemIndex, fields),
	);
	const checked = await checkedWrite(
		ctx,
		client,
		itemIndex,
		element,
		(await client.create(module, element)) as IDataObject,
	);
	return (await simplified(ctx, client, itemIndex, [checked], module))[0];
}
