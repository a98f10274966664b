import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type ResourceMapperValue,
} from 'n8n-workflow';

import type { VtigerClient } from '../transport/client';
import type { FieldDescription } from '../transport/types';
import { ownerResolver } from './directory';
import { jsonParameter } from './json';
import { moduleName } from './modules';
import { checkPicklist, toWireValue } from './values';
import { currentUserId } from './currentUser';

interface FieldPair {
	name?: string;
	value?: unknown;
}

function rawValue(value: unknown): unknown {
	if (value === null || value === undefined) return '';
	if (typeof value === 'object') return JSON.stringify(value);
	return value;
}

function fromJson(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const parsed = jsonParameter(
		ctx,
		itemIndex,
		{
			name: 'fieldsJson',
			displayName: 'Fields (JSON)',
			hint: 'Give the fields as a JSON object, e.g. {"lastname": "Doe", "email": "jane@example.com"}',
		},
		{},
	);
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'"Fields (JSON)" must be a JSON object of field names and values',
			{ itemIndex },
		);
	}
	return Object.fromEntries(
		Object.entries(parsed as IDataObject).map(([k, v]) => [k, rawValue(v)]),
	) as IDataObject;
}

function fromPairs(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const pairs = (ctx.getNodeParameter('fieldsUi.field', itemIndex, []) as FieldPair[]) ?? [];
	const fields: IDataObject = {};
	for (const [position, pair] of pairs.entries()) {
		const name = String(pair.name ?? '').trim();
		if (name === '')
			throw new NodeOperationError(
				ctx.getNode(),
				`Field ${position + 1} under "Fields" has no name`,
				{ itemIndex },
			);
		fields[name] = rawValue(pair.value) as IDataObject[string];
	}
	return fields;
}

const normalise = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** "Map Automatically": input keys matched to field names, then to labels (case and punctuation ignored). */
function autoMapped(input: IDataObject, writable: FieldDescription[]): Record<string, unknown> {
	const byName = new Map(writable.map((f) => [f.name, f.name]));
	const byLabel = new Map(writable.map((f) => [normalise(f.label), f.name]));
	const mapped: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(input)) {
		const field = byName.get(key) ?? byLabel.get(normalise(key));
		if (field && !(field in mapped)) mapped[field] = value;
	}
	return mapped;
}

export interface MappedFields {
	fields: IDataObject;
	/** Fields chosen to match on (Upsert). */
	matchOn: string[];
}

async function fromMapper(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	module: string,
	itemIndex: number,
): Promise<MappedFields> {
	const columns = ctx.getNodeParameter('columns', itemIndex) as ResourceMapperValue;
	const { fields } = await client.describe(module);
	const writable = fields.filter(
		(f) => f.editable !== false && f.editable !== '' && f.name !== 'id',
	);
	const given =
		columns.mappingMode === 'autoMapInputData'
			? autoMapped(ctx.getInputData()[itemIndex].json, writable)
			: (columns.value ?? {});
	const byName = new Map(fields.map((f) => [f.name, f]));
	const validate =
		(ctx.getNodeParameter('writeOptions.validatePicklists', itemIndex, false) as boolean) === true;
	const owners = ownerResolver(client);
	const wire: IDataObject = {};
	for (const [name, value] of Object.entries(given)) {
		const field = byName.get(name);
		if (!field)
			throw new NodeOperationError(ctx.getNode(), `${module} has no field "${name}"`, {
				itemIndex,
			});
		wire[name] = await toWireValue(field, value, owners);
		if (validate) checkPicklist(field, wire[name] as string);
	}
	return { fields: wire, matchOn: columns.matchingColumns ?? [] };
}

/** Keys Vtiger takes besides the module's fields: the record's own id, inventory line items (docs/vtiger-webservice.md#inventory-create). */
const KEYS_BEYOND_FIELDS = new Set(['id', 'LineItems']);

/** Vtiger silently drops values of fields it does not know, so typed names are checked first. */
async function checkFieldNames(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	module: string,
	fields: IDataObject,
	itemIndex: number,
) {
	const typed = Object.keys(fields).filter((name) => !KEYS_BEYOND_FIELDS.has(name));
	let known = await client.fieldNames(module);
	if (typed.some((name) => !known.has(name))) known = await client.fieldNames(module, true);
	const unknown = typed.find((name) => !known.has(name));
	if (unknown === undefined) return;
	const sameButCase = [...known].find((name) => name.toLowerCase() === unknown.toLowerCase());
	throw new NodeOperationError(ctx.getNode(), `${module} has no field "${unknown}"`, {
		itemIndex,
		description: sameButCase
			? `Field names are case-sensitive: did you mean "${sameButCase}"?`
			: 'Vtiger would drop its value without a word. Field names are case-sensitive; Module > Describe lists them (custom fields are named like cf_853).',
	});
}

/**
 * The record fields an item asks to write: mapped (converted per field type), name/value pairs or
 * JSON (sent as given, names checked when the module is known).
 */
export async function recordFields(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	module: () => string | undefined,
	itemIndex: number,
): Promise<MappedFields> {
	const mode = ctx.getNodeParameter('fieldsInput', itemIndex) as string;
	if (mode === 'mapper')
		return await fromMapper(ctx, client, module() ?? moduleName(ctx, itemIndex), itemIndex);
	const fields = mode === 'json' ? fromJson(ctx, itemIndex) : fromPairs(ctx, itemIndex);
	const known = module();
	if (known) await checkFieldNames(ctx, client, known, fields, itemIndex);
	return { fields, matchOn: [] };
}

/** Vtiger has no default owner (docs/vtiger-webservice.md#references-and-owners): the "Assign To" option, else the credential's user. */
export async function withDefaultOwner(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
	fields: IDataObject,
): Promise<IDataObject> {
	if (fields.assigned_user_id !== undefined && fields.assigned_user_id !== '') return fields;
	const chosen = String(ctx.getNodeParameter('writeOptions.assignTo', itemIndex, '') ?? '').trim();
	return { ...fields, assigned_user_id: chosen || (await currentUserId(client)) };
}

/**
 * Values Vtiger needs on a create but does not default sensibly: a Calendar task without
 * activitytype "Task" is stored as an event its answered ID cannot read
 * (docs/vtiger-webservice.md#calendar-and-events); a document without filestatus "1" is inactive,
 * and 8.3.0 then leaves it out of its relations (docs/vtiger-webservice.md#document-upload).
 */
const CREATE_DEFAULTS: Record<string, IDataObject> = {
	Calendar: { activitytype: 'Task' },
	Documents: { filestatus: '1' },
};

export function withCreateDefaults(module: string, fields: IDataObject): IDataObject {
	const defaults = CREATE_DEFAULTS[module] ?? {};
	const missing = Object.entries(defaults).filter(
		([name]) => fields[name] === undefined || fields[name] === '',
	);
	return { ...fields, ...Object.fromEntries(missing) };
}
