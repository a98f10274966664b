import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

const DEFAULT_PARALLEL_REQUESTS = 4;

export const parallelRequestsField: INodeProperties = {
	displayName: 'Parallel Requests',
	name: 'parallelRequests',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 8 },
	default: DEFAULT_PARALLEL_REQUESTS,
	description:
		'How many requests are sent to Vtiger at the same time, each on its own session (Vtiger runs the requests of one session one after another): items of Create, Get, Update and Delete, pages of Return All. 1 sends them strictly one after another. Output order and pairing do not change.',
};

/**
 * The operations that send side by side add this field to their own: the items of those that
 * export `runsItemsInParallel` (Create or Update does not: two items with the same match values
 * must not both find "no match" and create twice), the pages of Return All.
 */
export const parallelRequests = (ctx: IExecuteFunctions, itemIndex: number): number =>
	ctx.getNodeParameter('parallelRequests', itemIndex, DEFAULT_PARALLEL_REQUESTS) as number;
