import type { INodeProperties } from 'n8n-workflow';

export const DEFAULT_PARALLEL_REQUESTS = 4;

/**
 * Operations whose items are independent and may be sent side by side. Create or Update stays
 * sequential: two items with the same match values must not both find "no match" and create twice.
 */
export const PARALLEL_ITEM_OPERATIONS = new Set([
	'record.create',
	'record.get',
	'record.update',
	'record.delete',
]);

export const parallelRequestsField: INodeProperties = {
	displayName: 'Parallel Requests',
	name: 'parallelRequests',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 8 },
	default: DEFAULT_PARALLEL_REQUESTS,
	displayOptions: {
		show: {
			resource: ['record', 'query'],
			operation: ['create', 'get', 'update', 'delete', 'getAll', 'run'],
		},
	},
	description:
		'How many requests are sent to Vtiger at the same time, each on its own session (Vtiger runs the requests of one session one after another): items of Create, Get, Update and Delete, pages of Return All. 1 sends them strictly one after another. Output order and pairing do not change.',
};
