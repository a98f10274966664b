/**
 * Products/Services tax and currency pseudo-fields (docs/vtiger-webservice.md#product-taxes-and-prices): `tax<N>` for enabled taxes,
 * `currency<N>` as JSON numbers and `currency_id`, after `id` and `label` on retrieve and writes.
 */
import { WsError } from './errors';
import type { Metadata } from './metadata';
import type { Store, StoredRecord } from './store';
import { mysqlNumber, phpString } from './values';

export const PRICED_MODULES = new Set(['Products', 'Services']);

const pseudoNames = (meta: Metadata, module: string): string[] =>
	meta
		.fields(module)
		.filter((f) => meta.isPseudoField(f))
		.map((f) => f.name);

/** On write (docs/vtiger-webservice.md#product-taxes-and-prices): non-empty tax<N>/currency<N> are stored; currency_id must be an active currency. */
export function applyPriceFields(
	meta: Metadata,
	store: Store,
	module: string,
	element: Record<string, unknown>,
	values: Record<string, string>,
): void {
	for (const name of pseudoNames(meta, module)) {
		const s = phpString(element[name]);
		if (s !== '') values[name] = s;
	}
	if (element.currency_id === undefined) return;
	const num = /^\d+x(\d+)$/.exec(phpString(element.currency_id))?.[1];
	const currency = num ? store.live('Currency', Number(num)) : undefined;
	if (!currency || currency.values.currency_status !== 'Active')
		throw new WsError('CURRENCY_INACTIVE', 'Provided Curreny is Inactive');
	values.currency_id = num!;
}

export function priceFields(meta: Metadata, rec: StoredRecord): Record<string, string | number> {
	const out: Record<string, string | number> = {};
	const v = rec.values;
	for (const name of pseudoNames(meta, rec.module)) {
		const currency = /^currency(\d+)$/.exec(name);
		if (currency) {
			if (v[name]) out[name] = mysqlNumber(v[name]);
			else out[name] = (v.currency_id || '1') === currency[1] ? mysqlNumber(v.unit_price ?? '') : 0;
		} else if (v[name]) out[name] = mysqlNumber(v[name]).toFixed(3);
	}
	out.currency_id = `${meta.prefix('Currency')}x${v.currency_id || '1'}`;
	return out;
}
