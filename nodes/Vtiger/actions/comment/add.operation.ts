import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { withDefaultOwner } from '../../helpers/fields';
import { recordIdOf } from '../../helpers/ids';
import type { VtigerClient } from '../../transport/client';
import { recordIdField, recordModuleField } from '../common.descriptions';

const properties: INodeProperties[] = [
	recordModuleField,
	recordIdField,
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['comment'], operation: ['add'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject> {
	const relatedTo = await recordIdOf(ctx, client, itemIndex);
	const comment = {
		commentcontent: ctx.getNodeParameter('comment', itemIndex) as string,
		related_to: relatedTo,
	};
	return (await client.create(
		'ModComments',
		await withDefaultOwner(ctx, client, itemIndex, comment),
	)) as IDataObject;
}
