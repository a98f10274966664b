/**
 * Header fields of inventory modules that belong to the line items: the node writes them from the
 * lines, and a query must not select them (one row per line; docs/vtiger-webservice.md#query-answers,
 * #inventory-retrieve).
 */
const LINE_ITEM_FIELD =
	/^(productid|quantity|listprice|comment|discount_amount|discount_percent|tax\d+)$/;

/** Totals Vtiger computes itself; what a client sends is overwritten (docs/vtiger-webservice.md#inventory-create). */
const COMPUTED_TOTALS = new Set(['hdnSubTotal', 'hdnGrandTotal', 'pre_tax_total']);

export const isLineItemField = (name: string): boolean => LINE_ITEM_FIELD.test(name);

/** Whether the node lets a user write this inventory header field directly. */
export const isWritableHeaderField = (name: string): boolean =>
	!isLineItemField(name) && !COMPUTED_TOTALS.has(name);

/** Quotes, Sales Orders, Invoices and Purchase Orders. */
export const INVENTORY_MODULES = new Set(['Quotes', 'SalesOrder', 'Invoice', 'PurchaseOrder']);
