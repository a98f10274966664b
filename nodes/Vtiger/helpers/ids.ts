import { NodeOperationError, type INode } from 'n8n-workflow';

const WS_ID = /^\d+x\d+$/;

/** A Vtiger record id such as `12x34` (module prefix, `x`, record number), checked before it is sent. */
export function recordId(node: INode, value: unknown, fieldName: string, itemIndex: number): string {
	const id = String(value ?? '').trim();
	if (!WS_ID.test(id)) {
		throw new NodeOperationError(node, `"${fieldName}" must be a Vtiger record ID such as 12x34, not "${id}"`, {
			itemIndex,
			description:
				'A record ID is the module prefix, an "x" and the record number. Get and Get Many return it in the "id" field.',
		});
	}
	return id;
}
