import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { recordIdOf } from '../../helpers/ids';
import { ItemWithFile, simplified } from '../../helpers/output';
import type { VtigerClient } from '../../transport/client';
import { recordOfModuleField, simplifyField } from '../common.descriptions';

interface RetrievedFile {
	filename?: string;
	filetype?: string;
	filecontents?: string;
}

const properties: INodeProperties[] = [
	recordOfModuleField('Document', '15x34', 'searchDocuments'),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
	},
	{
		displayName: 'Max File Size (MB)',
		name: 'maxSizeMb',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 25,
		description:
			'Larger files are refused before they are downloaded (Vtiger sends the whole file at once, base64-encoded); 0 means no limit',
	},
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['download'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<ItemWithFile> {
	const documentId = await recordIdOf(ctx, client, itemIndex, 'Document');
	const fail = (message: string, description: string) =>
		new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
	const { idPrefix } = await client.describe('Documents');
	if (documentId.split('x')[0] !== idPrefix) {
		throw fail(
			`${documentId} is not a document`,
			`Document IDs of this CRM start with ${idPrefix}x.`,
		);
	}
	const document = await client.retrieve(documentId);
	if (document.filelocationtype === 'E') {
		throw fail(
			`Document ${documentId} links to an external file`,
			`Its file is not stored in Vtiger but at ${String(document.filename)}; fetch it with an HTTP Request node.`,
		);
	}
	const attachment = String(document.imageattachmentids ?? '')
		.split(',')[0]
		?.trim();
	if (!attachment)
		throw fail(
			`Document ${documentId} has no file`,
			'It was created without one, or its upload did not reach Vtiger.',
		);
	const limitMb = ctx.getNodeParameter('maxSizeMb', itemIndex, 25) as number;
	const size = Number(document.filesize);
	if (limitMb > 0 && size > limitMb * 1024 * 1024) {
		throw fail(
			`The file of document ${documentId} is ${(size / 1024 / 1024).toFixed(1)} MB, above the limit of ${limitMb} MB`,
			'Raise "Max File Size (MB)" if n8n has the memory for it.',
		);
	}
	const [file] =
		(await client.call<RetrievedFile[] | null>('files_retrieve', { id: attachment })) ?? [];
	if (!file?.filecontents)
		throw fail(
			`Vtiger sent no content for the file of document ${documentId}`,
			`Attachment ${attachment}.`,
		);
	const property = ctx.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const fileName = String(file.filename || document.filename || 'file');
	const binary = await ctx.helpers.prepareBinaryData(
		Buffer.from(file.filecontents, 'base64'),
		fileName,
		file.filetype || undefined,
	);
	const [json] = await simplified(ctx, client, itemIndex, [document], 'Documents');
	return new ItemWithFile(json as IDataObject, { [property]: binary });
}
