import type { INodeProperties } from 'n8n-workflow';

import * as describe from './describe.operation';
import * as list from './list.operation';

export { describe, list };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['module'] } },
		options: [
			{
				name: 'Describe',
				value: 'describe',
				description: 'Get the fields and permissions of a module',
				action: 'Describe a module',
			},
			{
				name: 'List',
				value: 'list',
				description: 'List the modules this user can use',
				action: 'List modules',
			},
		],
		default: 'list',
	},
	...list.description,
	...describe.description,
];
