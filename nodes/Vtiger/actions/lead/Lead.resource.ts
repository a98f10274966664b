import type { INodeProperties } from 'n8n-workflow';

import * as convert from './convert.operation';

export { convert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			{
				name: 'Convert',
				value: 'convert',
				description:
					'Turn a lead into an organization and/or a contact, and optionally an opportunity',
				action: 'Convert a lead',
			},
		],
		default: 'convert',
	},
	...convert.description,
];
