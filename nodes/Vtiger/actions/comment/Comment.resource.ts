import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as getAll from './getAll.operation';

export { add, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['comment'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				description: 'Add a comment to a record',
				action: 'Add a comment',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: "Get a record's comments",
				action: 'Get many comments',
			},
		],
		default: 'add',
	},
	...add.description,
	...getAll.description,
];
