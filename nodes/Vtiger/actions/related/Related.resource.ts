import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as getAll from './getAll.operation';
import * as listTypes from './listTypes.operation';
import * as query from './query.operation';

export { add, getAll, listTypes, query };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['related'] } },
		options: [
			{
				name: 'Add Relation',
				value: 'add',
				description: 'Link a record to another one',
				action: 'Add a relation',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the records related to a record (up to 100)',
				action: 'Get many related records',
			},
			{
				name: 'List Relation Types',
				value: 'listTypes',
				description: 'List the relations of a module',
				action: 'List relation types',
			},
			{
				name: 'Query Related',
				value: 'query',
				description: 'Query the records related to a record, any number',
				action: 'Query related records',
			},
		],
		default: 'getAll',
	},
	...listTypes.description,
	...getAll.description,
	...query.description,
	...add.description,
];
