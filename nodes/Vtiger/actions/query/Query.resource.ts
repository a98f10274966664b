import type { INodeProperties } from 'n8n-workflow';

import * as run from './run.operation';

export { run };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['query'] } },
		options: [
			{
				name: 'Run VTQL',
				value: 'run',
				description: "Run a SELECT in Vtiger's query language",
				action: 'Run a VTQL query',
			},
		],
		default: 'run',
	},
	...run.description,
];
