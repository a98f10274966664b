import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { recordId } from '../../helpers/ids';
import type { VtigerClient } from '../../transport/client';
import { recordIdField } from '../common.descriptions';

const properties: INodeProperties[] = [recordIdField];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['delete'] } }, properties);

export async function execute(ctx: IExecuteFunctions, client: VtigerClient, itemIndex: number): Promise<IDataObject> {
	const id = recordId(ctx.getNode(), ctx.getNodeParameter('recordId', itemIndex), 'Record ID', itemIndex);
	await client.delete(id);
	return { id, deleted: true };
}
