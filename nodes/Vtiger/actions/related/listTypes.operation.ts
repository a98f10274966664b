import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { moduleName } from '../../helpers/modules';
import type { VtigerClient } from '../../transport/client';
import { moduleField } from '../common.descriptions';
import { relationsOf } from '../../helpers/relations';

const properties: INodeProperties[] = [moduleField];

export const description = updateDisplayOptions(
	{ show: { resource: ['related'], operation: ['listTypes'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	return (await relationsOf(client, moduleName(ctx, itemIndex))).map((r) => ({
		label: r.label,
		module: r.module,
	}));
}
