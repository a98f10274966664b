import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { recordIdOf } from '../../helpers/ids';
import type { VtigerClient } from '../../transport/client';
import { recordIdField, recordModuleField } from '../common.descriptions';
import { parallelRequestsField } from '../parallel';

export const runsItemsInParallel = true;

const properties: INodeProperties[] = [recordModuleField, recordIdField, parallelRequestsField];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['delete'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject> {
	const id = await recordIdOf(ctx, client, itemIndex);
	await client.delete(id);
	return { id, deleted: true };
}
