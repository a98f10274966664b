import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { moduleName } from '../../helpers/modules';
import type { VtigerClient } from '../../transport/client';
import { moduleField } from '../common.descriptions';

const properties: INodeProperties[] = [moduleField];

export const description = updateDisplayOptions(
	{ show: { resource: ['module'], operation: ['describe'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject> {
	return (await client.describe(moduleName(ctx, itemIndex))) as unknown as IDataObject;
}
