import type { INodeProperties } from 'n8n-workflow';

import * as download from './download.operation';
import * as upload from './upload.operation';

export { download, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['document'] } },
		options: [
			{
				name: 'Download',
				value: 'download',
				description: "Get a document's file as binary data",
				action: 'Download a document',
			},
			{
				name: 'Upload',
				value: 'upload',
				description: 'Create a document from binary data, optionally linked to records',
				action: 'Upload a document',
			},
		],
		default: 'upload',
	},
	...upload.description,
	...download.description,
];
