import { isLineItemField, isWritableHeaderField } from '../../nodes/Vtiger/helpers/inventory';

describe('inventory header fields', () => {
	// docs/vtiger-webservice.md#row-cap-and-paging, #inventory-create, #inventory-retrieve: line-item columns fan out queries; totals are computed by Vtiger.
	test.each([
		['productid', true, false],
		['quantity', true, false],
		['listprice', true, false],
		['comment', true, false],
		['discount_amount', true, false],
		['discount_percent', true, false],
		['tax1', true, false],
		['tax12', true, false],
		['hdnSubTotal', false, false],
		['hdnGrandTotal', false, false],
		['pre_tax_total', false, false],
		['subject', false, true],
		['hdnDiscountPercent', false, true],
		['hdnDiscountAmount', false, true],
		['hdnTaxType', false, true],
		['tax', false, true],
		['taxtype', false, true],
		['productid_display', false, true],
		['Quantity', false, true],
		['account_id', false, true],
	])('%s: a line-item field %p, writable in the header %p', (name, line, writable) => {
		expect(isLineItemField(name)).toBe(line);
		expect(isWritableHeaderField(name)).toBe(writable);
	});
});
