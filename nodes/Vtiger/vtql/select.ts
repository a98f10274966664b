/**
 * With userQuery.ts, the only place that writes VTQL. Values are always quoted and escaped (docs/vtiger-webservice.md#quoting-and-escaping): `\` becomes
 * `\\`, `'` becomes `''`; in LIKE patterns `\`, `%` and `_` are first escaped for LIKE, so a
 * literal `%` is written `\\%` and a literal `\` is written `\\\\`.
 * Names are checked to be plain identifiers, because VTQL has no way to quote them.
 */

export const VTQL_PAGE_SIZE = 100;

export type ConditionOperator =
	| 'equal'
	| 'notEqual'
	| 'lessThan'
	| 'greaterThan'
	| 'lessOrEqual'
	| 'greaterOrEqual'
	| 'contains'
	| 'startsWith'
	| 'endsWith'
	| 'isOneOf';

export interface Condition {
	field: string;
	operator: ConditionOperator;
	value: string | string[];
}

export interface SelectSpec {
	module: string;
	fields?: string[];
	conditions?: Condition[];
	combineWith?: 'AND' | 'OR';
	sortField?: string;
	sortDirection?: 'ASC' | 'DESC';
}

export class VtqlError extends Error {
	constructor(
		message: string,
		readonly field?: string,
	) {
		super(message);
		this.name = 'VtqlError';
	}
}

const COMPARISON: Record<
	Exclude<ConditionOperator, 'contains' | 'startsWith' | 'endsWith' | 'isOneOf'>,
	string
> = {
	equal: '=',
	notEqual: '!=',
	lessThan: '<',
	greaterThan: '>',
	lessOrEqual: '<=',
	greaterOrEqual: '>=',
};

export function identifier(name: string, what = 'field'): string {
	const trimmed = (name ?? '').trim();
	if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(trimmed)) {
		throw new VtqlError(
			`"${name}" is not a valid ${what} name: Vtiger ${what} names contain only letters, digits and underscores`,
			name,
		);
	}
	return trimmed;
}

function escapeText(value: string): string {
	return value.replace(/\\/g, '\\\\').replace(/'/g, "''");
}

export function quote(value: string, field?: string): string {
	if (value === '') {
		throw new VtqlError(
			`Vtiger's query language cannot compare${field ? ` "${field}"` : ''} with an empty value; leave the condition out or filter the results afterwards`,
			field,
		);
	}
	return `'${escapeText(value)}'`;
}

function likePattern(
	value: string,
	operator: 'contains' | 'startsWith' | 'endsWith',
	field: string,
): string {
	if (value === '')
		throw new VtqlError(`The condition on "${field}" needs a value to search for`, field);
	// Escaped for LIKE first (\ % _ become literal), then for the string literal around it.
	const literal = value.replace(/\\/g, '\\\\').replace(/%/g, '\\%').replace(/_/g, '\\_');
	const pattern =
		operator === 'contains'
			? `%${literal}%`
			: operator === 'startsWith'
				? `${literal}%`
				: `%${literal}`;
	return `'${escapeText(pattern)}'`;
}

function listOf(value: string | string[]): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v));
	return String(value)
		.split(',')
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

export function conditionText(condition: Condition): string {
	const field = identifier(condition.field);
	const { operator } = condition;
	if (operator === 'isOneOf') {
		const values = listOf(condition.value);
		if (values.length === 0)
			throw new VtqlError(
				`The "is one of" condition on "${field}" needs at least one value`,
				field,
			);
		return `${field} IN (${values.map((v) => quote(v, field)).join(',')})`;
	}
	const value = Array.isArray(condition.value)
		? condition.value.join(',')
		: String(condition.value ?? '');
	if (operator === 'contains' || operator === 'startsWith' || operator === 'endsWith') {
		return `${field} LIKE ${likePattern(value, operator, field)}`;
	}
	const symbol = COMPARISON[operator];
	if (!symbol) throw new VtqlError(`Unknown condition operator "${operator as string}"`, field);
	return `${field} ${symbol} ${quote(value, field)}`;
}

/**
 * WHERE text for the conditions plus, optionally, a predicate every row must also satisfy, given as
 * alternatives (any one of them). VTQL has no parentheses and AND binds tighter than OR, so
 * `(a OR b) AND (k1 OR k2)` is written `a AND k1 OR a AND k2 OR b AND k1 OR b AND k2`.
 */
export function whereText(
	conditions: Condition[],
	combineWith: 'AND' | 'OR',
	mustHold: string[] = [],
): string {
	const parts = conditions.map(conditionText);
	const branches =
		parts.length === 0 ? [[]] : combineWith === 'AND' ? [parts] : parts.map((p) => [p]);
	const alternatives = mustHold.length === 0 ? [[]] : mustHold.map((m) => [m]);
	const disjuncts = branches
		.flatMap((branch) => alternatives.map((alt) => [...branch, ...alt].join(' AND ')))
		.filter(Boolean);
	return disjuncts.length === 0 ? '' : ` WHERE ${disjuncts.join(' OR ')}`;
}

function selectList(fields: string[] | undefined): string {
	if (!fields || fields.length === 0) return '*';
	return [...new Set(fields.map((f) => identifier(f)))].join(', ');
}

/** One page of a Get Many walk ordered by id, after `afterId` and up to `upToId` (keyset paging, docs/vtiger-webservice.md#row-cap-and-paging). */
export function selectAfterId(
	spec: SelectSpec,
	afterId: string | undefined,
	limit: number,
	upToId?: string,
): string {
	const module = identifier(spec.module, 'module');
	const bounds = [
		...(afterId ? [`id > ${quote(afterId)}`] : []),
		...(upToId ? [`id <= ${quote(upToId)}`] : []),
	];
	const keyset = bounds.length > 0 ? [bounds.join(' AND ')] : [];
	return `SELECT ${selectList(spec.fields)} FROM ${module}${whereText(spec.conditions ?? [], spec.combineWith ?? 'AND', keyset)} ORDER BY id LIMIT ${limit};`;
}

/** One page of a Get Many walk sorted by a field (ties broken by id when ascending), offset paging. */
export function selectSorted(spec: SelectSpec, offset: number, limit: number): string {
	const module = identifier(spec.module, 'module');
	const sortField = identifier(spec.sortField ?? 'id');
	// VTQL allows one ASC/DESC, after the whole list, applying to the last column (docs/vtiger-webservice.md#order-by).
	const order =
		spec.sortDirection === 'DESC'
			? `${sortField} DESC`
			: sortField === 'id'
				? 'id'
				: `${sortField}, id`;
	return `SELECT ${selectList(spec.fields)} FROM ${module}${whereText(spec.conditions ?? [], spec.combineWith ?? 'AND')} ORDER BY ${order} LIMIT ${offset}, ${limit};`;
}

/** `SELECT count(*)`: answered with `[]` by Vtiger 8.3.0 (docs/vtiger-webservice.md#count), so callers need a fallback. */
export function selectCount(spec: SelectSpec): string {
	const module = identifier(spec.module, 'module');
	return `SELECT count(*) FROM ${module}${whereText(spec.conditions ?? [], spec.combineWith ?? 'AND')};`;
}

export type ChangeCursor = { since: string } | { time: string; id: string };

/**
 * One page of records changed at or after `since`, or strictly after the (time, id) cursor, in
 * (time, id) order: a keyset that stays exact when many records share one second (docs/vtiger-webservice.md#polling-for-changes).
 */
export function selectChanges(
	spec: SelectSpec,
	timeField: string,
	cursor: ChangeCursor,
	limit: number,
): string {
	const module = identifier(spec.module, 'module');
	const time = identifier(timeField);
	const after =
		'since' in cursor
			? [`${time} >= ${quote(cursor.since)}`]
			: [
					`${time} > ${quote(cursor.time)}`,
					`${time} = ${quote(cursor.time)} AND id > ${quote(cursor.id)}`,
				];
	const fields = spec.fields && spec.fields.length > 0 ? [...spec.fields, time] : undefined;
	return `SELECT ${selectList(fields)} FROM ${module}${whereText(spec.conditions ?? [], spec.combineWith ?? 'AND', after)} ORDER BY ${time}, id LIMIT ${limit};`;
}

/** A SELECT without ORDER BY, for reading a few known rows (`limit` rows at most when given). */
export function selectWhere(spec: SelectSpec, limit?: number): string {
	const module = identifier(spec.module, 'module');
	const where = whereText(spec.conditions ?? [], spec.combineWith ?? 'AND');
	return `SELECT ${selectList(spec.fields)} FROM ${module}${where}${limit === undefined ? '' : ` LIMIT ${limit}`};`;
}

/** The query_related query that finds one related record by id (Vtiger wants it without ";"). */
export function relatedIdQuery(module: string, id: string): string {
	return `SELECT id FROM ${identifier(module, 'module')} WHERE id = ${quote(id)}`;
}
