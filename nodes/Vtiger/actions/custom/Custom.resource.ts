import type { INodeProperties } from 'n8n-workflow';

import * as call from './call.operation';

export { call };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['custom'] } },
		options: [
			{
				name: 'Call',
				value: 'call',
				description: 'Call any webservice operation by name',
				action: 'Call an operation',
			},
		],
		default: 'call',
	},
	...call.description,
];
