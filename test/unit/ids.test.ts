import { checkedRecordId } from '../../nodes/Vtiger/helpers/ids';

import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { node } from './node';

// checkedRecordId only asks its context for the node, to name it in errors.
const ctx = { getNode: () => node } as unknown as IExecuteFunctions;

describe('checkedRecordId', () => {
	// docs/vtiger-webservice.md#record-ids: a ws id is <module prefix>x<record number>, validated against ^\d+x\d+$.
	test.each([
		['12x3', '12x3'],
		['19x1', '19x1'],
		['4x1057', '4x1057'],
		[' 12x3 ', '12x3'],
		['12x3\n', '12x3'],
	])('%p is the record ID %p', (value, expected) => {
		expect(checkedRecordId(ctx, value, 'Record', 0)).toBe(expected);
	});

	// docs/vtiger-webservice.md#record-ids (observed on 8.3.0): these give INVALID_ID_ATTRIBUTE, ACCESS_DENIED or record 3 of
	// something; none is sent.
	test.each([
		'12X3',
		'12x3abc',
		'12x3,12x4',
		'abc',
		'x12x3',
		'12x3x4',
		'27',
		'12x',
		'x3',
		'-12x3',
		'12 x 3',
		12,
	])('%p is refused as not a record ID', (value) => {
		let caught: unknown;
		try {
			checkedRecordId(ctx, value, 'Contact', 2);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(NodeOperationError);
		const error = caught as NodeOperationError;
		expect(error.message).toBe(
			`"Contact" must be a Vtiger record ID such as 12x34, not "${String(value).trim()}"`,
		);
		expect(error.description).toContain('module prefix, an "x" and the record number');
		expect(error.context.itemIndex).toBe(2);
	});

	test.each(['', '   ', null, undefined])('%p is refused as empty', (value) => {
		let caught: unknown;
		try {
			checkedRecordId(ctx, value, 'Record', 1);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(NodeOperationError);
		expect((caught as NodeOperationError).message).toBe(
			'"Record" is empty: give a record ID such as 12x34, or pick the record from the list',
		);
		expect((caught as NodeOperationError).context.itemIndex).toBe(1);
	});
});
