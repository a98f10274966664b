import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import type { VtigerClient } from '../../transport/client';
import { readPages, readPagesInParallel } from '../../vtql/paging';
import { parallelRequests, parallelRequestsField } from '../parallel';
import { VtqlError } from '../../vtql/select';
import {
	inspectUserQuery,
	userQueryAsWritten,
	userQueryPage,
	type RawQuery,
} from '../../vtql/userQuery';
import { returnAllFields } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: "SELECT firstname, lastname, email FROM Contacts WHERE mailingcity = 'Berlin';",
		description:
			"One VTQL SELECT statement. Quote values in single quotes and double any ' inside them. A query with its own LIMIT runs as written (at most 100 rows).",
	},
	...returnAllFields,
	parallelRequestsField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['query'], operation: ['run'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const text = ctx.getNodeParameter('query', itemIndex) as string;
	let raw: RawQuery;
	try {
		raw = inspectUserQuery(text);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `"Query": ${(error as VtqlError).message}`, {
			itemIndex,
		});
	}
	if (raw.hasLimit || raw.isCount) {
		return (await client.query(userQueryAsWritten(raw))) as IDataObject[];
	}
	if (ctx.getNodeParameter('returnAll', itemIndex) as boolean) {
		const lanes = parallelRequests(ctx, itemIndex);
		return (await readPagesInParallel(
			async (offset, pageSize, lane) =>
				await client.onLane(lane).query(userQueryPage(raw, offset, pageSize)),
			lanes,
		)) as IDataObject[];
	}
	return (await readPages(
		async (position, pageSize) => await client.query(userQueryPage(raw, position.offset, pageSize)),
		ctx.getNodeParameter('limit', itemIndex) as number,
	)) as IDataObject[];
}
