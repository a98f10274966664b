import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { recordIdOf } from '../../helpers/ids';
import type { VtigerClient } from '../../transport/client';
import { readPages } from '../../vtql/paging';
import { inspectUserQuery, relatedQueryPage, type RawQuery } from '../../vtql/userQuery';
import { moduleField, recordIdField, returnAllFields } from '../common.descriptions';
import { relationField, relationOf } from './common';

const properties: INodeProperties[] = [
	moduleField,
	recordIdField,
	relationField,
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: "SELECT firstname, lastname FROM Contacts WHERE lastname LIKE 'D%'",
		description:
			'A VTQL SELECT on the related module; the node adds what Vtiger needs here (no ";", a WHERE, paging)',
	},
	...returnAllFields,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['related'], operation: ['query'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const id = await recordIdOf(ctx, client, itemIndex);
	const relation = await relationOf(ctx, client, itemIndex);
	let raw: RawQuery;
	try {
		raw = inspectUserQuery(ctx.getNodeParameter('query', itemIndex) as string);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `"Query": ${(error as Error).message}`, {
			itemIndex,
		});
	}
	if (raw.hasLimit)
		throw new NodeOperationError(
			ctx.getNode(),
			'"Query": leave LIMIT out; use Return All or Limit',
			{ itemIndex },
		);
	const limit = (ctx.getNodeParameter('returnAll', itemIndex) as boolean)
		? Infinity
		: (ctx.getNodeParameter('limit', itemIndex) as number);
	return (await readPages(
		async (position, pageSize) =>
			(await client.call<IDataObject[]>('query_related', {
				id,
				relatedLabel: relation.label,
				query: relatedQueryPage(raw, position.offset, pageSize),
			})) ?? [],
		limit,
	)) as IDataObject[];
}
