import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { withDefaultOwner } from '../../helpers/fields';
import { checkedRecordId, moduleOfRecordId } from '../../helpers/ids';
import { addCheckedRelation, relationsOf } from '../../helpers/relations';
import type { VtigerClient } from '../../transport/client';
import { assignToOption } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field that holds the file',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		description: "The document's title (notes_title); the file name when empty",
	},
	{
		displayName: 'Folder Name or ID',
		name: 'folderId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDocumentFolders' },
		default: '',
		description:
			'The document folder; the Default folder when empty. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Link To Record IDs',
		name: 'linkTo',
		type: 'string',
		default: '',
		placeholder: '12x34, 11x5',
		description:
			'Records to show the document under (comma-separated IDs), such as a contact, an organization or a ticket',
	},
	{
		displayName: 'Options',
		name: 'documentOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			assignToOption('the document'),
			{
				displayName: 'Description',
				name: 'notecontent',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
			},
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				description: "The name the file gets in Vtiger; the binary data's own file name when empty",
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['upload'] } },
	properties,
);

function linkTargets(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const raw = ctx.getNodeParameter('linkTo', itemIndex, '') as string | string[];
	const list = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	return list
		.map((id) => String(id).trim())
		.filter((id) => id !== '')
		.map((id) => checkedRecordId(ctx, id, 'Link To Record IDs', itemIndex));
}

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject> {
	const property = ctx.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const options = ctx.getNodeParameter('documentOptions', itemIndex, {}) as IDataObject;
	const targets = linkTargets(ctx, itemIndex);
	const binary = ctx.helpers.assertBinaryData(itemIndex, property);
	const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	const fileName = String(options.fileName || binary.fileName || 'file').trim();
	const element = await withDefaultOwner(ctx, client, itemIndex, {
		notes_title: String(ctx.getNodeParameter('title', itemIndex, '') || fileName),
		filelocationtype: 'I',
		filename: fileName,
		// Without it Vtiger 8.3.0 stores the document as inactive (docs/vtiger-webservice.md#document-upload).
		filestatus: '1',
		folderid: ctx.getNodeParameter('folderId', itemIndex, '') as string,
		notecontent: String(options.notecontent ?? ''),
		assigned_user_id: String(options.assignTo ?? ''),
	});
	const document = await client.create('Documents', element, {
		fileName,
		mimeType: binary.mimeType,
		data,
	});
	const stored = Number(document.filesize);
	if (stored !== data.length) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Document ${String(document.id)} was created without its file`,
			{
				itemIndex,
				description: `Vtiger stored ${stored} of ${data.length} bytes. A file larger than PHP's upload_max_filesize reaches Vtiger as no file at all, without an error: raise upload_max_filesize and post_max_size on the server, then delete document ${String(document.id)} and upload again.`,
			},
		);
	}
	for (const target of targets)
		await linkDocument(ctx, client, itemIndex, String(document.id), target);
	return { ...document, linkedTo: targets };
}

async function linkDocument(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
	documentId: string,
	target: string,
) {
	const fail = (why: string) =>
		new NodeOperationError(
			ctx.getNode(),
			`Document ${documentId} was created, but could not be linked to ${target}`,
			{
				itemIndex,
				description: `${why} The document is kept: link it with Related Record > Add Relation, or delete it.`,
			},
		);
	const module = await moduleOfRecordId(client, target);
	if (!module) throw fail(`No module of this CRM has the ID prefix of ${target}.`);
	const relation = (await relationsOf(client, module)).find((r) => r.module === 'Documents');
	if (!relation) throw fail(`${module} records have no Documents list.`);
	const notLinked = `${target} may not exist, or this user may not change it`;
	let linked: boolean;
	try {
		linked = await addCheckedRelation(client, target, documentId, relation);
	} catch (error) {
		throw fail(`${notLinked} (Vtiger said: ${(error as Error).message}).`);
	}
	if (!linked) throw fail(`Vtiger did not link it: ${notLinked}.`);
}
