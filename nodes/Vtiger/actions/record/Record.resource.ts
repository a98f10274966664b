import type { INodeProperties } from 'n8n-workflow';

import * as count from './count.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { count, create, del as delete, get, getAll, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['record'] } },
		options: [
			{
				name: 'Count',
				value: 'count',
				description: 'Count the records that match conditions',
				action: 'Count records',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a record',
				action: 'Create a record',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a record',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a record',
				action: 'Delete a record',
			},
			{ name: 'Get', value: 'get', description: 'Get a record by ID', action: 'Get a record' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get records of a module that match conditions',
				action: 'Get many records',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change fields of a record',
				action: 'Update a record',
			},
		],
		default: 'get',
	},
	...count.description,
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...upsert.description,
	...del.description,
];
