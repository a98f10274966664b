import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

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
