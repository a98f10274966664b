/**
 * Relations (docs/vtiger-webservice.md#relations): the stock related lists of a fresh install (module, label,
 * how the related records are found) and the many-to-many link tables that add_related writes.
 * One-to-many relations follow the reference fields (a contact's account_id, a comment's
 * related_to, …), so they always reflect the current values; add_related cannot change them
 * (#add-related).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Store, StoredRecord } from './store';

interface Via {
	/** Reference fields of the related record that point at the source record. */
	fields?: string[];
	/** A reference field of the source record that points at the related record. */
	sourceField?: string;
	/** A many-to-many link table (the only kind add_related writes). */
	table?: string;
	/** Activities: every task; Activity History: the completed and deferred ones (events are never listed). */
	status?: 'open' | 'closed';
	/** Products/Services → inventory documents through their line items. */
	lineItems?: boolean;
}

export interface RelationDef extends Via {
	/** vtiger_relatedlists.relation_id: add_related also accepts it as relationIdLabel. */
	id: number;
	source: string;
	/** The related module: relatedtypes `name`, retrieve_related `relatedType`. */
	module: string;
	label: string;
}

type Spec = [module: string, label: string, via: Via];

const DOCS: Spec = ['Documents', 'Documents', { table: 'senotesrel' }];
const PRODUCTS: Spec = ['Products', 'Products', { table: 'seproductsrel' }];
const SERVICES: Spec = ['Services', 'Services', { table: 'crmentityrel' }];
const CAMPAIGNS: Spec = ['Campaigns', 'Campaigns', { table: 'campaignrel' }];
const activities = (field: string): Spec[] => [
	['Calendar', 'Activities', { fields: [field], status: 'open' }],
	['Calendar', 'Activity History', { fields: [field], status: 'closed' }],
];
const inventoryDocs = (field: string): Spec[] => [
	['Quotes', 'Quotes', { fields: [field] }],
	['SalesOrder', 'Sales Order', { fields: [field] }],
	['Invoice', 'Invoice', { fields: [field] }],
];
const soldIn: Spec[] = [
	['Quotes', 'Quotes', { lineItems: true }],
	['PurchaseOrder', 'Purchase Order', { lineItems: true }],
	['SalesOrder', 'Sales Order', { lineItems: true }],
	['Invoice', 'Invoice', { lineItems: true }],
];

/** How the related records of the stock related lists are found (the list itself: RELATED_TYPES). */
const STOCK: Record<string, Spec[]> = {
	Accounts: [
		['Contacts', 'Contacts', { fields: ['account_id'] }],
		['Potentials', 'Potentials', { fields: ['related_to'] }],
		...inventoryDocs('account_id'),
		activities('parent_id')[0],
		['Emails', 'Emails', { fields: ['parent_id'] }],
		activities('parent_id')[1],
		DOCS,
		['HelpDesk', 'HelpDesk', { fields: ['parent_id'] }],
		PRODUCTS,
		CAMPAIGNS,
		['ServiceContracts', 'Service Contracts', { fields: ['sc_related_to'] }],
		SERVICES,
		['Assets', 'Assets', { fields: ['account'] }],
		['Project', 'Projects', { fields: ['linktoaccountscontacts'] }],
		['Accounts', 'Member Of', { fields: ['account_id'] }],
	],
	Contacts: [
		['Potentials', 'Potentials', { fields: ['contact_id'], table: 'contpotentialrel' }],
		activities('contact_id')[0],
		['Emails', 'Emails', { fields: ['parent_id'] }],
		['HelpDesk', 'HelpDesk', { fields: ['contact_id'] }],
		['Quotes', 'Quotes', { fields: ['contact_id'] }],
		['PurchaseOrder', 'Purchase Order', { fields: ['contact_id'] }],
		['SalesOrder', 'Sales Order', { fields: ['contact_id'] }],
		PRODUCTS,
		activities('contact_id')[1],
		DOCS,
		CAMPAIGNS,
		['Invoice', 'Invoice', { fields: ['contact_id'] }],
		['ServiceContracts', 'Service Contracts', { fields: ['sc_related_to'] }],
		SERVICES,
		['Project', 'Projects', { fields: ['linktoaccountscontacts'] }],
		['Assets', 'Assets', { fields: ['contact'] }],
	],
	Leads: [
		activities('parent_id')[0],
		['Emails', 'Emails', { fields: ['parent_id'] }],
		activities('parent_id')[1],
		DOCS,
		PRODUCTS,
		CAMPAIGNS,
		SERVICES,
	],
	Potentials: [
		activities('parent_id')[0],
		['Contacts', 'Contacts', { sourceField: 'contact_id', table: 'contpotentialrel' }],
		PRODUCTS,
		DOCS,
		['Quotes', 'Quotes', { fields: ['potential_id'] }],
		['SalesOrder', 'Sales Order', { fields: ['potential_id'] }],
		activities('parent_id')[1],
		SERVICES,
		['Project', 'Projects', { fields: ['potentialid'] }],
	],
	HelpDesk: [activities('parent_id')[0], DOCS, activities('parent_id')[1], SERVICES],
	Products: [
		['HelpDesk', 'HelpDesk', { fields: ['product_id'] }],
		DOCS,
		...soldIn,
		['Leads', 'Leads', { table: 'seproductsrel' }],
		['Accounts', 'Accounts', { table: 'seproductsrel' }],
		['Contacts', 'Contacts', { table: 'seproductsrel' }],
		['Potentials', 'Potentials', { table: 'seproductsrel' }],
		['Assets', 'Assets', { fields: ['product'] }],
	],
	Services: [
		...soldIn,
		DOCS,
		['Leads', 'Leads', { table: 'crmentityrel' }],
		['Accounts', 'Accounts', { table: 'crmentityrel' }],
		['Contacts', 'Contacts', { table: 'crmentityrel' }],
		['Potentials', 'Potentials', { table: 'crmentityrel' }],
	],
	Quotes: [
		['SalesOrder', 'Sales Order', { fields: ['quote_id'] }],
		...activities('parent_id'),
		DOCS,
	],
	SalesOrder: [
		...activities('parent_id'),
		DOCS,
		['Invoice', 'Invoice', { fields: ['salesorder_id'] }],
	],
	Invoice: [...activities('parent_id'), DOCS],
	PurchaseOrder: [...activities('parent_id'), DOCS],
	Campaigns: [
		['Contacts', 'Contacts', { table: 'campaignrel' }],
		['Leads', 'Leads', { table: 'campaignrel' }],
		['Potentials', 'Potentials', { fields: ['campaignid'] }],
		activities('parent_id')[0],
		['Accounts', 'Accounts', { table: 'campaignrel' }],
		DOCS,
	],
	Vendors: [
		['PurchaseOrder', 'Purchase Order', { fields: ['vendor_id'] }],
		['Contacts', 'Contacts', { table: 'vendorcontactrel' }],
	],
	Project: [
		['ProjectTask', 'Project Tasks', { fields: ['projectid'] }],
		['ProjectMilestone', 'Project Milestones', { fields: ['projectid'] }],
		DOCS,
		['HelpDesk', 'HelpDesk', { table: 'crmentityrel' }],
	],
	ProjectTask: [DOCS],
	ServiceContracts: [['HelpDesk', 'HelpDesk', { table: 'crmentityrel' }], DOCS],
	Assets: [['HelpDesk', 'HelpDesk', { table: 'crmentityrel' }], DOCS],
};

/**
 * Relations of a stock install that STOCK does not describe: how their related records are found.
 * Everything else defaults to a many-to-many link (the generic vtiger_crmentityrel).
 */
const EXTRA: Record<string, Record<string, Via>> = {
	Calendar: { Contacts: { sourceField: 'contact_id' } },
	Documents: Object.fromEntries(
		[
			'Contacts',
			'Accounts',
			'Potentials',
			'Leads',
			'Products',
			'Services',
			'Project',
			'Assets',
			'ServiceContracts',
			'Quotes',
			'Invoice',
			'SalesOrder',
			'PurchaseOrder',
			'HelpDesk',
			'Faq',
		].map((m) => [m, { table: 'senotesrel' }]),
	),
	Faq: { Documents: { table: 'senotesrel' } },
	PriceBooks: {
		Products: { table: 'pricebookproductrel' },
		Services: { table: 'pricebookproductrel' },
	},
	Products: {
		PriceBooks: { table: 'pricebookproductrel' },
		'Product Bundles': { table: 'productbundle' },
		'Parent Product': { table: 'productbundle' },
		PurchaseOrder: { lineItems: true },
	},
	Services: { PriceBooks: { table: 'pricebookproductrel' } },
	Vendors: { Products: { fields: ['vendor_id'] }, Emails: { fields: ['parent_id'] } },
	Contacts: { Vendors: { table: 'vendorcontactrel' }, PBXManager: { fields: ['customer'] } },
	Accounts: { PBXManager: { fields: ['customer'] } },
	Leads: { PBXManager: { fields: ['customer'] } },
	Invoice: { Assets: { fields: ['invoiceid'] } },
	Emails: { Contacts: { table: 'seactivityrel' }, Documents: { table: 'senotesrel' } },
	Potentials: { Invoice: { fields: ['potential_id'] }, Emails: { fields: ['parent_id'] } },
	HelpDesk: { Emails: { fields: ['parent_id'] } },
	Project: {
		Emails: { fields: ['parent_id'] },
		Activities: { fields: ['parent_id'], status: 'open' },
	},
	ProjectTask: { Emails: { fields: ['parent_id'] } },
	ServiceContracts: { 'Service Requests': { table: 'crmentityrel' } },
	SMSNotifier: {
		Accounts: { table: 'smsnotifierrel' },
		Contacts: { table: 'smsnotifierrel' },
		Leads: { table: 'smsnotifierrel' },
	},
};

interface RelatedTypesAnswer {
	types: string[];
	information: Record<string, { name: string; label: string; isEntity: string }> | [];
}

/** The relatedtypes answers of a fresh 8.3.0 install (admin), per source module, in related-list order. */
export const RELATED_TYPES: Record<string, RelatedTypesAnswer> = JSON.parse(
	fs.readFileSync(path.join(__dirname, 'metadata', 'relatedtypes.json'), 'utf8'),
) as Record<string, RelatedTypesAnswer>;

export const RELATIONS: RelationDef[] = (() => {
	const out: RelationDef[] = [];
	for (const [source, answer] of Object.entries(RELATED_TYPES)) {
		const stock = STOCK[source] ?? [];
		for (const info of Object.values(answer.information)) {
			const via =
				EXTRA[source]?.[info.label] ??
				stock.find(([module, label]) => module === info.name && label === info.label)?.[2] ??
				(info.name === 'ModComments' ? { fields: ['related_to'] } : { table: 'crmentityrel' });
			out.push({ id: out.length + 1, source, module: info.name, label: info.label, ...via });
		}
	}
	return out;
})();

export function relationsOf(source: string): RelationDef[] {
	return RELATIONS.filter((r) => r.source === source);
}

/** Many-to-many link rows; a pair is unordered (record ids are unique across modules). */
export class Links {
	private readonly rows = new Set<string>();

	private key(table: string, a: number, b: number): string {
		return `${table}|${Math.min(a, b)}|${Math.max(a, b)}`;
	}

	add(table: string, a: number, b: number): void {
		this.rows.add(this.key(table, a, b));
	}

	partners(table: string, n: number): number[] {
		const out: number[] = [];
		for (const row of this.rows) {
			const [t, a, b] = row.split('|');
			if (t !== table) continue;
			if (Number(a) === n) out.push(Number(b));
			else if (Number(b) === n) out.push(Number(a));
		}
		return out;
	}

	/** Moves every link of `from` to `to` (convertlead's transfer of related records, docs/vtiger-webservice.md#lead-conversion). */
	transfer(from: number, to: number): void {
		for (const row of [...this.rows]) {
			const [t, a, b] = row.split('|');
			if (Number(a) !== from && Number(b) !== from) continue;
			this.rows.delete(row);
			this.add(t, Number(a) === from ? to : Number(a), Number(b) === from ? to : Number(b));
		}
	}
}

const CLOSED_STATUS = new Set(['Completed', 'Deferred']);

/** Record numbers related to `source` through `rel`, in id order (live records of rel.module only). */
export function relatedNums(store: Store, rel: RelationDef, source: StoredRecord): number[] {
	const found = new Set<number>();
	const own = String(source.num);
	for (const field of rel.fields ?? []) {
		for (const r of store.all(rel.module)) {
			if (r.values[field] !== own) continue;
			// Activities lists every task; Activity History the completed and deferred ones (observed on 8.3.0).
			if (
				rel.status === 'closed' &&
				!CLOSED_STATUS.has(r.values.taskstatus || r.values.eventstatus || '')
			)
				continue;
			found.add(r.num);
		}
	}
	const target = rel.sourceField ? source.values[rel.sourceField] : '';
	if (target && store.live(rel.module, Number(target))) found.add(Number(target));
	if (rel.table)
		for (const n of store.links.partners(rel.table, source.num))
			if (store.live(rel.module, n)) found.add(n);
	if (rel.lineItems) {
		for (const line of store.all('LineItem')) {
			if (line.values.productid === own && store.live(rel.module, Number(line.values.parent_id)))
				found.add(Number(line.values.parent_id));
		}
	}
	// 8.3.0 relates only active documents (getSpecificRelationQuery adds filestatus = 1).
	const shown =
		rel.module === 'Documents'
			? [...found].filter((n) => store.live('Documents', n)?.values.filestatus === '1')
			: [...found];
	return shown.sort((a, b) => a - b);
}
