import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { owners } from '../helpers/directory';
import { labelFieldNames } from '../helpers/labels';
import { decodeLabel } from '../helpers/values';
import { vtigerClient } from '../helpers/client';
import { selectSorted, VTQL_PAGE_SIZE } from '../vtql/select';

/** Entity modules of this user, by label, searchable; custom modules included. */
export async function searchModules(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const { types, information } = await vtigerClient(this).listTypes();
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = types
		.filter((name) => information[name]?.isEntity !== false)
		.map((name) => {
			const label = decodeLabel(information[name]?.label ?? name);
			return { name: label === name ? name : `${label} (${name})`, value: name };
		})
		.filter((m) => !wanted || m.name.toLowerCase().includes(wanted))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

/** Records of the chosen module, searchable by their label fields, 100 at a time. */
export async function searchRecords(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const module = String(
		this.getCurrentNodeParameter('module', { extractValue: true }) ?? '',
	).trim();
	return module ? await recordsOf(this, module, filter, paginationToken) : { results: [] };
}

/** Documents, searchable by title, 100 at a time. */
export async function searchDocuments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await recordsOf(this, 'Documents', filter, paginationToken);
}

/** Leads, searchable by name and company, 100 at a time. */
export async function searchLeads(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await recordsOf(this, 'Leads', filter, paginationToken);
}

/** Products, then services, searchable by name, 100 at a time (the token names the module and the offset). */
export async function searchProductsAndServices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const [module, offset] = (paginationToken ?? 'Products:0').split(':');
	const page = await recordsOf(this, module, filter, offset);
	const kind = module === 'Products' ? 'product' : 'service';
	const results = page.results.map((r) => ({ ...r, name: `${r.name} (${kind})` }));
	if (page.paginationToken)
		return { results, paginationToken: `${module}:${page.paginationToken}` };
	return { results, paginationToken: module === 'Products' ? 'Services:0' : undefined };
}

async function recordsOf(
	ctx: ILoadOptionsFunctions,
	module: string,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const client = vtigerClient(ctx);
	const labelFields = labelFieldNames(await client.describe(module));
	const searched = labelFields.filter((f) => f !== 'id');
	const text = (filter ?? '').trim();
	const offset = Number(paginationToken ?? 0);
	const rows = await client.query(
		selectSorted(
			{
				module,
				fields: searched,
				conditions: text
					? searched.map((field) => ({ field, operator: 'contains' as const, value: text }))
					: [],
				combineWith: 'OR',
				sortField: 'id',
			},
			offset,
			VTQL_PAGE_SIZE,
		),
	);
	const base = await client.crmUrl();
	return {
		results: rows.map((row) => {
			const id = String(row.id);
			const name =
				searched
					.map((f) => row[f])
					.filter((v) => v !== null && v !== '')
					.join(' ') || id;
			return {
				name,
				value: id,
				url: `${base}/index.php?module=${module}&view=Detail&record=${id.split('x')[1]}`,
			};
		}),
		paginationToken: rows.length === VTQL_PAGE_SIZE ? String(offset + rows.length) : undefined,
	};
}

/** Values to compare a condition's field with: its picklist values, or the users and groups of an owner field. */
export async function searchFieldValues(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const module = String(
		this.getCurrentNodeParameter('module', { extractValue: true }) ?? '',
	).trim();
	const fieldName = String(this.getCurrentNodeParameter('&field') ?? '').trim();
	if (!module || !fieldName) return { results: [] };
	const client = vtigerClient(this);
	const field = (await client.describe(module)).fields.find((f) => f.name === fieldName);
	const values =
		field?.type.name === 'owner'
			? (await owners(client)).map((o) => ({
					name: o.kind === 'user' ? o.name : `${o.name} (group)`,
					value: o.id,
				}))
			: (
					(field?.type.picklistValues as Array<{ label: string; value: string }> | undefined) ?? []
				).map((p) => ({
					name: p.label,
					value: p.value,
				}));
	const wanted = (filter ?? '').trim().toLowerCase();
	return { results: values.filter((v) => !wanted || v.name.toLowerCase().includes(wanted)) };
}
