/**
 * Inventory line items (docs/vtiger-webservice.md#inventory): stored as LineItem actor rows (so
 * `SELECT * FROM LineItem` works), the `LineItems` part of retrieve and write answers
 * (#inventory-retrieve, #line-item-writes), line replacement and totals.
 * Totals are a simplification: line nets (with line taxes in individual mode), header discount,
 * group tax from the first line's rates, S&H and adjustment; S&H taxes are ignored.
 */
import type { Metadata } from './metadata';
import type { Store, StoredRecord } from './store';
import { mysqlNumber, phpString } from './values';

/** Header fields mirroring a line (removed on retrieve, first line's values on writes; docs/vtiger-webservice.md#inventory-retrieve). */
const LINE_MIRRORS = [
	'quantity',
	'listprice',
	'comment',
	'discount_amount',
	'discount_percent',
	'tax1',
	'tax2',
	'tax3',
];
const TAXES = ['tax1', 'tax2', 'tax3'];

const num = (v: unknown): number => mysqlNumber(phpString(v));
const fixed = (v: unknown, d: number): string => num(v).toFixed(d);
const given = (v: unknown): boolean => phpString(v) !== '';
const refNum = (v: unknown): string => /(\d+)$/.exec(phpString(v))?.[1] ?? '';

export function linesOf(store: Store, parent: StoredRecord): StoredRecord[] {
	return store
		.all('LineItem')
		.filter((l) => l.values.parent_id === String(parent.num))
		.sort((a, b) => num(a.values.sequence_no) - num(b.values.sequence_no) || a.num - b.num);
}

/** Replaces all lines of `parent` (docs/vtiger-webservice.md#line-item-writes); a line without taxes gets 0.000. */
export function replaceLines(store: Store, parent: StoredRecord, lines: unknown[]): void {
	for (const old of linesOf(store, parent)) old.deleted = true;
	lines.forEach((raw, i) => {
		const l = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
		const productid = refNum(l.productid);
		const product = store.lookup('Products', Number(productid));
		const listprice = given(l.listprice)
			? l.listprice
			: product?.module === 'Products'
				? product.values.unit_price
				: '0';
		const values: Record<string, string> = {
			parent_id: String(parent.num),
			productid,
			sequence_no: String(i + 1),
			quantity: fixed(l.quantity, 3),
			listprice: fixed(listprice, 8),
			discount_percent: given(l.discount_percent) ? fixed(l.discount_percent, 3) : '',
			discount_amount: given(l.discount_amount) ? fixed(l.discount_amount, 8) : '',
			comment: phpString(l.comment),
			incrementondel: '0',
			image: '',
			purchase_cost: fixed(l.purchase_cost, 8),
			margin: fixed(l.margin, 8),
		};
		for (const t of TAXES) values[t] = fixed(l[t], 3);
		store.add('LineItem', values);
	});
}

/** Totals as the server computes them (docs/vtiger-webservice.md#inventory-create; see the file comment for the simplification). */
export function computeTotals(store: Store, parent: StoredRecord): void {
	const v = parent.values;
	const lines = linesOf(store, parent).map((l) => l.values);
	const individual = (v.hdnTaxType ?? '').toLowerCase() === 'individual';
	let subtotal = 0;
	for (const l of lines) {
		const gross = num(l.quantity) * num(l.listprice);
		const net =
			gross -
			(l.discount_percent ? (gross * num(l.discount_percent)) / 100 : num(l.discount_amount));
		subtotal += individual ? net * (1 + TAXES.reduce((s, t) => s + num(l[t]), 0) / 100) : net;
	}
	const discount = num(v.hdnDiscountPercent)
		? (subtotal * num(v.hdnDiscountPercent)) / 100
		: num(v.hdnDiscountAmount);
	const afterDiscount = subtotal - discount;
	const groupRate = individual || !lines[0] ? 0 : TAXES.reduce((s, t) => s + num(lines[0][t]), 0);
	const shipping = num(v['shipping_&_handling']);
	v.hdnSubTotal = subtotal.toFixed(8);
	v.pre_tax_total = (afterDiscount + shipping).toFixed(8);
	v.hdnGrandTotal = (
		afterDiscount * (1 + groupRate / 100) +
		shipping +
		num(v.txtAdjustment)
	).toFixed(8);
}

/** PHP 8: the header holds exactly what the request carried; no totals step (docs/vtiger-webservice.md#line-item-writes). */
export function keepSentTotals(parent: StoredRecord, element: Record<string, unknown>): void {
	const v = parent.values;
	v.hdnSubTotal = fixed(element.hdnSubTotal, 8);
	v.hdnGrandTotal = fixed(element.hdnGrandTotal, 8);
	v.pre_tax_total = (0).toFixed(8);
	v.hdnTaxType = phpString(element.hdnTaxType);
	for (const name of Object.keys(v))
		if (name.startsWith('shipping_&_handling')) v[name] = phpString(element[name]);
}

/** An individual-tax document without lines breaks retrieve/revise/delete on PHP 8 (docs/vtiger-webservice.md#inventory-retrieve). */
export function isUnreadable(store: Store, rec: StoredRecord): boolean {
	return (
		(rec.values.hdnTaxType ?? '').toLowerCase() === 'individual' && linesOf(store, rec).length === 0
	);
}

function lineOut(
	meta: Metadata,
	store: Store,
	parent: StoredRecord,
	line: StoredRecord,
): Record<string, string | null> {
	const v = line.values;
	const product = store.lookup('Products', Number(v.productid));
	const name =
		product?.module === 'Services' ? product.values.servicename : product?.values.productname;
	const nullable = (s: string | undefined): string | null => (s ? s : null);
	return {
		parent_id: `${meta.prefix(parent.module)}x${parent.num}`,
		productid: product ? `${meta.prefix(product.module)}x${product.num}` : v.productid,
		sequence_no: v.sequence_no,
		quantity: v.quantity,
		listprice: v.listprice,
		discount_percent: nullable(v.discount_percent),
		discount_amount: nullable(v.discount_amount),
		comment: v.comment,
		description: '',
		incrementondel: v.incrementondel,
		tax1: v.tax1,
		tax2: v.tax2,
		tax3: v.tax3,
		image: nullable(v.image),
		purchase_cost: v.purchase_cost,
		margin: v.margin,
		id: `${meta.prefix('LineItem')}x${line.num}`,
		product_name: name ?? '',
		entity_type: product?.module ?? '',
		deleted: product && !product.deleted ? '0' : '1',
	};
}

/** A small stand-in for the UI structure `LineItems_FinalDetails` (shape not stable, docs/vtiger-webservice.md#inventory-retrieve). */
function finalDetails(parent: StoredRecord, lines: StoredRecord[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	lines.forEach((l, i) => {
		const n = i + 1;
		const entry: Record<string, unknown> = {
			[`hdnProductId${n}`]: l.values.productid,
			[`qty${n}`]: l.values.quantity,
			[`listPrice${n}`]: l.values.listprice,
			[`lineItemId${n}`]: String(l.num),
		};
		if (n === 1) {
			entry.final_details = {
				hdnSubTotal: parent.values.hdnSubTotal,
				preTaxTotal: parent.values.pre_tax_total,
				grandTotal: parent.values.hdnGrandTotal,
				taxtype: parent.values.hdnTaxType,
			};
		}
		out[String(n)] = entry;
	});
	return out;
}

/** Adds the inventory part to a presented record; `write` answers repeat the first line (docs/vtiger-webservice.md#line-item-writes). */
export function presentInventory(
	meta: Metadata,
	store: Store,
	rec: StoredRecord,
	out: Record<string, unknown>,
	purpose: 'retrieve' | 'write',
): void {
	const lines = linesOf(store, rec);
	const first = lines[0] ? lineOut(meta, store, rec, lines[0]) : undefined;
	for (const name of LINE_MIRRORS) {
		if (!(name in out)) continue;
		if (purpose === 'retrieve' || !first) delete out[name];
		else out[name] = first[name];
	}
	if (first) out.productid = first.productid;
	out.LineItems = lines.map((l) => lineOut(meta, store, rec, l));
	out.LineItems_FinalDetails = finalDetails(rec, lines);
}

export function firstProductRef(lines: Array<Record<string, unknown>>): string {
	return phpString(lines[0]?.productid);
}
