import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { recordIdOf } from '../../helpers/ids';
import { simplified } from '../../helpers/output';
import type { VtigerClient } from '../../transport/client';
import { readPages } from '../../vtql/paging';
import { selectAfterId } from '../../vtql/select';
import {
	recordIdField,
	recordModuleField,
	returnAllFields,
	simplifyField,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	recordModuleField,
	recordIdField,
	...returnAllFields,
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['comment'], operation: ['getAll'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const relatedTo = await recordIdOf(ctx, client, itemIndex);
	const limit = (ctx.getNodeParameter('returnAll', itemIndex) as boolean)
		? Infinity
		: (ctx.getNodeParameter('limit', itemIndex) as number);
	const spec = {
		module: 'ModComments',
		conditions: [{ field: 'related_to', operator: 'equal' as const, value: relatedTo }],
	};
	const comments = await readPages(
		async (position, pageSize) =>
			await client.query(selectAfterId(spec, position.lastId, pageSize)),
		limit,
	);
	return await simplified(ctx, client, itemIndex, comments, 'ModComments');
}
