import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import type { FieldDescription, VtigerClient } from '../transport/client';
import { simplifyRecord } from './values';

type ItemResult = IDataObject | IDataObject[];

function withItemNumber(message: string, itemIndex: number): string {
	return /\[item \d+\]$/.test(message) ? message : `${message} [item ${itemIndex}]`;
}

/**
 * Runs `run` for every input item in order. Outputs carry `pairedItem`; with Continue On Fail a
 * failing item becomes an error item and the rest go on, otherwise the error names the item.
 */
export async function forEachItem(
	ctx: IExecuteFunctions,
	run: (itemIndex: number) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await run(itemIndex);
			output.push(
				...ctx.helpers.constructExecutionMetaData(ctx.helpers.returnJsonArray(result), { itemData: { item: itemIndex } }),
			);
		} catch (caught) {
			const error =
				caught instanceof NodeOperationError || (caught as { name?: string }).name === 'NodeApiError'
					? (caught as NodeOperationError)
					: new NodeOperationError(ctx.getNode(), caught as Error, { itemIndex });
			error.message = withItemNumber(error.message, itemIndex);
			error.context = { ...error.context, itemIndex };
			if (!ctx.continueOnFail()) throw error;
			const json: IDataObject = { error: error.message };
			if (error.description) json.description = error.description;
			output.push({ json, pairedItem: { item: itemIndex } });
		}
	}
	return output;
}

/**
 * Records as the "Simplify" option asks: plain JSON types, using the describe of `module`, or of
 * the module whose id prefix the records carry when no module is given; or untouched.
 */
export async function simplified(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
	records: Array<Record<string, unknown>>,
	module?: string,
): Promise<IDataObject[]> {
	if (!(ctx.getNodeParameter('simplify', itemIndex, true) as boolean) || records.length === 0) return records as IDataObject[];
	const fields = module
		? (await client.describe(module)).fields
		: await fieldsOfPrefix(client, String(records[0].id ?? '').split('x')[0]);
	return records.map((record) => simplifyRecord(record, fields) as IDataObject);
}

/** Field descriptions of the module a ws id prefix belongs to, found through describe (cached per execution). */
async function fieldsOfPrefix(client: VtigerClient, prefix: string): Promise<FieldDescription[]> {
	return await client.memo(`fields-of-prefix:${prefix}`, async () => {
		const { types } = await client.listTypes();
		for (const module of types) {
			const description = await client.describe(module).catch(() => undefined);
			if (description?.idPrefix === prefix) return description.fields;
		}
		return [];
	});
}
