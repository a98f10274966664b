import {
	NodeOperationError,
	type IBinaryKeyData,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import type { VtigerClient } from '../transport/client';
import { moduleOfRecordId } from './ids';
import { labelFieldNames } from './labels';
import { simplifyRecord } from './values';

/** An output item that carries a file besides its JSON (Document > Download). */
export class ItemWithFile {
	constructor(
		readonly json: IDataObject,
		readonly binary: IBinaryKeyData,
	) {}
}

export type ItemResult = IDataObject | IDataObject[] | ItemWithFile;

const itemsOf = (ctx: IExecuteFunctions, result: ItemResult): INodeExecutionData[] =>
	result instanceof ItemWithFile
		? [{ json: result.json, binary: result.binary }]
		: ctx.helpers.returnJsonArray(result);

function withItemNumber(message: string, itemIndex: number): string {
	return /\[item \d+\]$/.test(message) ? message : `${message} [item ${itemIndex}]`;
}

/**
 * Runs `run` for every input item, with up to `lanes` items in flight (lane numbers 0..lanes-1 go
 * to `run`); outputs keep the input order and carry `pairedItem`. With Continue On Fail a failing
 * item becomes an error item and the rest go on; otherwise no new item starts after a failure and
 * the error of the first failing item (in input order) names it.
 */
export async function forEachItem(
	ctx: IExecuteFunctions,
	run: (itemIndex: number, lane: number) => Promise<ItemResult>,
	lanes = 1,
): Promise<INodeExecutionData[]> {
	const count = ctx.getInputData().length;
	const outputs: INodeExecutionData[][] = new Array(count);
	const failures = new Map<number, NodeOperationError>();
	const continueOnFail = ctx.continueOnFail();
	let next = 0;
	const work = async (lane: number) => {
		while (next < count && (continueOnFail || failures.size === 0)) {
			const itemIndex = next++;
			try {
				const result = await run(itemIndex, lane);
				outputs[itemIndex] = ctx.helpers.constructExecutionMetaData(itemsOf(ctx, result), {
					itemData: { item: itemIndex },
				});
			} catch (caught) {
				const error = asItemError(ctx, caught, itemIndex);
				if (!continueOnFail) failures.set(itemIndex, error);
				const json: IDataObject = { error: error.message };
				if (error.description) json.description = error.description;
				outputs[itemIndex] = [{ json, pairedItem: { item: itemIndex } }];
			}
		}
	};
	await Promise.all(
		Array.from(
			{ length: Math.max(1, Math.min(lanes, count)) },
			async (_, lane) => await work(lane),
		),
	);
	if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
	return outputs.flat();
}

function asItemError(
	ctx: IExecuteFunctions,
	caught: unknown,
	itemIndex: number,
): NodeOperationError {
	const error =
		caught instanceof NodeOperationError || (caught as { name?: string }).name === 'NodeApiError'
			? (caught as NodeOperationError)
			: new NodeOperationError(ctx.getNode(), caught as Error, { itemIndex });
	error.message = withItemNumber(error.message, itemIndex);
	error.context = { ...error.context, itemIndex };
	return error;
}

/** The same record with `leading` keys first (those it has), then the others in Vtiger's order. */
function withKeysFirst(record: Record<string, unknown>, leading: string[]): IDataObject {
	const ordered: IDataObject = {};
	for (const key of leading) if (key in record) ordered[key] = record[key] as IDataObject[string];
	return Object.assign(ordered, record);
}

/**
 * Records as the "Simplify" option asks: plain JSON types, the id and the label fields first, using
 * the describe of `module`, or of the module whose id prefix the records carry when no module is
 * given; or untouched.
 */
export async function simplified(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
	records: Array<Record<string, unknown>>,
	module?: string,
): Promise<IDataObject[]> {
	if (!(ctx.getNodeParameter('simplify', itemIndex, true) as boolean) || records.length === 0)
		return records as IDataObject[];
	const ofRecords = module ?? (await moduleOfRecordId(client, String(records[0].id ?? '')));
	const description = ofRecords ? await client.describe(ofRecords) : undefined;
	const leading = description ? ['id', ...labelFieldNames(description)] : ['id'];
	return records.map((record) =>
		withKeysFirst(simplifyRecord(record, description?.fields ?? []), leading),
	);
}
