import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as update from './update.operation';

export { create, get, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inventory'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a quote, sales order, invoice or purchase order with its line items',
				action: 'Create an inventory record',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an inventory record with its line items',
				action: 'Get an inventory record',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change header fields, and optionally replace all line items',
				action: 'Update an inventory record',
			},
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...update.description,
];
