import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { recordIdOf } from '../../helpers/ids';
import { simplified } from '../../helpers/output';
import type { VtigerClient } from '../../transport/client';
import { recordIdField, recordModuleField, simplifyField } from '../common.descriptions';
import { parallelRequestsField } from '../parallel';

export const runsItemsInParallel = true;

const properties: INodeProperties[] = [
	recordModuleField,
	recordIdField,
	simplifyField,
	parallelRequestsField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['get'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject> {
	const record = await client.retrieve(await recordIdOf(ctx, client, itemIndex));
	const module = String(
		ctx.getNodeParameter('module', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	return (await simplified(ctx, client, itemIndex, [record], module || undefined))[0];
}
