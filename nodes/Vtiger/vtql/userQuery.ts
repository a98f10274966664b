import { VtqlError } from './select';

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
 * with a WHERE before any ORDER BY or LIMIT (docs/vtiger-webservice.md#query-related).
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

/** A user's query as written (it has its own LIMIT, or counts). */
export const userQueryAsWritten = (raw: RawQuery): string => `${raw.body};`;
