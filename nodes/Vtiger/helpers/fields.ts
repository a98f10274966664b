import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

interface FieldPair {
	name?: string;
	value?: unknown;
}

function wireValue(value: unknown): unknown {
	if (value === null || value === undefined) return '';
	if (typeof value === 'object') return JSON.stringify(value);
	return value;
}

/** The record fields an item asks to write, from name/value pairs or a JSON object. */
export function recordFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = ctx.getNode();
	const mode = ctx.getNodeParameter('fieldsInput', itemIndex) as string;
	if (mode === 'json') {
		const raw = ctx.getNodeParameter('fieldsJson', itemIndex) as unknown;
		let parsed: unknown = raw;
		if (typeof raw === 'string') {
			try {
				parsed = raw.trim() === '' ? {} : JSON.parse(raw);
			} catch (error) {
				throw new NodeOperationError(node, `"Fields (JSON)" is not valid JSON: ${(error as Error).message}`, {
					itemIndex,
					description: 'Give the fields as a JSON object, e.g. {"lastname": "Doe", "email": "jane@example.com"}',
				});
			}
		}
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
			throw new NodeOperationError(node, '"Fields (JSON)" must be a JSON object of field names and values', { itemIndex });
		}
		return Object.fromEntries(Object.entries(parsed as IDataObject).map(([k, v]) => [k, wireValue(v)])) as IDataObject;
	}
	const pairs = (ctx.getNodeParameter('fieldsUi.field', itemIndex, []) as FieldPair[]) ?? [];
	const fields: IDataObject = {};
	for (const [position, pair] of pairs.entries()) {
		const name = String(pair.name ?? '').trim();
		if (name === '') {
			throw new NodeOperationError(node, `Field ${position + 1} under "Fields" has no name`, { itemIndex });
		}
		fields[name] = wireValue(pair.value) as IDataObject[string];
	}
	return fields;
}
