import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/**
 * A JSON parameter of the item: parsed when it is text (an expression may already give an object
 * or array), `empty` when it is blank; invalid JSON names the parameter and says what to give.
 */
export function jsonParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: { name: string; displayName: string; hint: string },
	empty: unknown,
): unknown {
	const raw = ctx.getNodeParameter(parameter.name, itemIndex) as unknown;
	if (typeof raw !== 'string') return raw;
	if (raw.trim() === '') return empty;
	try {
		return JSON.parse(raw);
	} catch (error) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"${parameter.displayName}" is not valid JSON: ${(error as Error).message}`,
			{
				itemIndex,
				description: parameter.hint,
			},
		);
	}
}
