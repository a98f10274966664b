import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { recordIdOf } from '../../helpers/ids';
import { simplified } from '../../helpers/output';
import type { VtigerClient } from '../../transport/client';
import { moduleField, recordIdField, simplifyField } from '../common.descriptions';
import { relationField, relationOf } from './common';

const properties: INodeProperties[] = [
	moduleField,
	recordIdField,
	relationField,
	simplifyField,
	{
		displayName:
			'Vtiger returns at most 100 related records here; Query Related pages through any number',
		name: 'relatedNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['related'], operation: ['getAll'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const id = await recordIdOf(ctx, client, itemIndex);
	const relation = await relationOf(ctx, client, itemIndex);
	const rows = await client.call<IDataObject[]>('retrieve_related', {
		id,
		relatedType: relation.module,
		relatedLabel: relation.label,
	});
	return await simplified(ctx, client, itemIndex, rows ?? [], relation.module);
}
