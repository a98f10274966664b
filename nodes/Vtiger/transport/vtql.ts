/**
 * The only place that writes VTQL. Values are always quoted and escaped (reference 9.3): `\` becomes
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

/** One page of a Get Many walk ordered by id, after `afterId` and up to `upToId` (keyset paging, reference 9.5). */
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
	// VTQL allows one ASC/DESC, after the whole list, applying to the last column (reference 9.2).
	const order =
		spec.sortDirection === 'DESC'
			? `${sortField} DESC`
			: sortField === 'id'
				? 'id'
				: `${sortField}, id`;
	return `SELECT ${selectList(spec.fields)} FROM ${module}${whereText(spec.conditions ?? [], spec.combineWith ?? 'AND')} ORDER BY ${order} LIMIT ${offset}, ${limit};`;
}

/** `SELECT count(*)`: answered with `[]` by Vtiger 8.3.0 (reference 9.2), so callers need a fallback. */
export function selectCount(spec: SelectSpec): string {
	const module = identifier(spec.module, 'module');
	return `SELECT count(*) FROM ${module}${whereText(spec.conditions ?? [], spec.combineWith ?? 'AND')};`;
}

export type ChangeCursor = { since: string } | { time: string; id: string };

/**
 * One page of records changed at or after `since`, or strictly after the (time, id) cursor, in
 * (time, id) order: a keyset that stays exact when many records share one second (reference 10).
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

interface Token {
	text: string;
	upper: string;
	isString: boolean;
}

function tokenize(query: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < query.length) {
		const ch = query[i];
		if (/\s/.test(ch)) {
			i++;
			continue;
		}
		if (ch === "'") {
			let j = i + 1;
			for (;;) {
				if (j >= query.length)
					throw new VtqlError('The query has a quoted value that is never closed');
				if (query[j] === '\\') {
					j += 2;
					continue;
				}
				if (query[j] === "'") {
					if (query[j + 1] === "'") {
						j += 2;
						continue;
					}
					break;
				}
				j++;
			}
			tokens.push({ text: query.slice(i, j + 1), upper: '', isString: true });
			i = j + 1;
			continue;
		}
		const word = /^[A-Za-z0-9_.*()]+|^[^\sA-Za-z0-9_'.*()]+/.exec(query.slice(i));
		const text = word ? word[0] : ch;
		tokens.push({ text, upper: text.toUpperCase(), isString: false });
		i += text.length;
	}
	return tokens;
}

export interface RawQuery {
	/** The statement without its trailing `;`. */
	body: string;
	hasLimit: boolean;
	hasOrderBy: boolean;
	/** ORDER BY ends with an explicit DESC (so no tie-breaking column can be appended). */
	orderEndsDescending: boolean;
	isCount: boolean;
}

/** Checks that a user's VTQL is one SELECT statement and reports what paging may add to it. */
export function inspectUserQuery(query: string): RawQuery {
	const tokens = tokenize(query ?? '');
	if (tokens.length === 0) throw new VtqlError('The query is empty');
	if (tokens[0].upper !== 'SELECT')
		throw new VtqlError('Only SELECT queries can be run: the query must start with SELECT');
	const semicolons = tokens.filter((t) => !t.isString && t.text.includes(';'));
	const last = tokens[tokens.length - 1];
	if (
		semicolons.length > 1 ||
		(semicolons.length === 1 && (last.text !== ';' || semicolons[0] !== last))
	) {
		throw new VtqlError('The query must be a single SELECT statement: a ";" may only end it');
	}
	const words = tokens.filter((t) => !t.isString && t.text !== ';');
	const upperWords = words.map((t) => t.upper);
	const orderAt = upperWords.findIndex((w, k) => w === 'ORDER' && upperWords[k + 1] === 'BY');
	const limitAt = upperWords.lastIndexOf('LIMIT');
	const orderEnd = limitAt > orderAt ? limitAt : upperWords.length;
	const body = query.trim().replace(/;\s*$/, '').trim();
	return {
		body,
		hasLimit: limitAt >= 0,
		hasOrderBy: orderAt >= 0,
		orderEndsDescending: orderAt >= 0 && upperWords[orderEnd - 1] === 'DESC',
		isCount: /^SELECT\s+count\s*\(\s*\*\s*\)/i.test(body),
	};
}

/**
 * A page of a query_related query, which Vtiger wants without ";", with an uppercase WHERE, and
 * with a WHERE before any ORDER BY or LIMIT (reference 11.3, 21 row 31).
 */
export function relatedQueryPage(raw: RawQuery, offset: number, limit: number): string {
	let text = raw.body.replace(/\bwhere\b/i, 'WHERE');
	if (!/\bWHERE\b/.test(text)) {
		const tail = /\s+ORDER\s+BY\s/i.exec(text);
		const at = tail ? tail.index : text.length;
		text = `${text.slice(0, at)} WHERE id > '0x0'${text.slice(at)}`;
	}
	if (!raw.hasOrderBy) text += ' ORDER BY id';
	return `${text} LIMIT ${offset}, ${limit}`;
}

/** A page of a user's query: a stable order is added when the query has none or can take a tie-breaker. */
export function userQueryPage(raw: RawQuery, offset: number, limit: number): string {
	let text = raw.body;
	if (!raw.hasOrderBy) text += ' ORDER BY id';
	else if (!raw.orderEndsDescending && !/\bid(\s+ASC)?\s*$/i.test(text))
		text = `${text.replace(/\s+ASC\s*$/i, '')}, id`;
	return `${text} LIMIT ${offset}, ${limit};`;
}
