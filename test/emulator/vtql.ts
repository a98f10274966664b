/**
 * VTQL tokenizer and parser (docs/vtiger-webservice.md#vtql-grammar, #quoting-and-escaping, #query-errors).
 * The lexer is lazy, like the LALR parser of Vtiger: the first problem met from left to right
 * decides between QUERY_SYNTAX_ERROR (grammar) and INTERNAL_SERVER_ERROR (text the tokenizer
 * cannot read).
 */
import { err } from './errors';
import { checkVtqlSyntax } from './vtql-lemon';

export type TokenType =
	| 'SELECT'
	| 'FRM'
	| 'COLUMNNAME'
	| 'ASTERISK'
	| 'COUNT'
	| 'PARENOPEN'
	| 'PARENCLOSE'
	| 'COMMA'
	| 'WHERE'
	| 'LOGICAL_AND'
	| 'LOGICAL_OR'
	| 'VALUE'
	| 'EQ'
	| 'NE'
	| 'LT'
	| 'GT'
	| 'LTE'
	| 'GTE'
	| 'IN'
	| 'LIKE'
	| 'ORDERBY'
	| 'ASC'
	| 'DESC'
	| 'LIMIT'
	| 'SEMICOLON'
	| 'UNKNOWN_KEYWORD'
	| 'EOF';

export interface Token {
	type: TokenType;
	text: string;
	line: number;
	/** For VALUE tokens: a quoted string (raw text between the quotes) or an integer. */
	valueKind?: 'string' | 'int';
}

export type Operand =
	| { kind: 'string'; raw: string }
	| { kind: 'int'; text: string }
	| { kind: 'word'; text: string };

export type Operator = '=' | '!=' | '<' | '>' | '<=' | '>=' | 'like' | 'in';

export interface Predicate {
	field: string;
	op: Operator;
	values: Operand[];
}

export interface ParsedQuery {
	select: { kind: 'all' } | { kind: 'count' } | { kind: 'fields'; fields: string[] };
	module: string;
	/** OR of AND-groups: AND binds tighter than OR (docs/vtiger-webservice.md#vtql-grammar). */
	where: Predicate[][];
	orderBy: string[];
	orderDesc: boolean;
	limit?: { offset?: Operand; count: Operand };
}

const KEYWORDS: Record<string, TokenType> = {
	select: 'SELECT',
	from: 'FRM',
	where: 'WHERE',
	and: 'LOGICAL_AND',
	or: 'LOGICAL_OR',
	in: 'IN',
	like: 'LIKE',
	asc: 'ASC',
	desc: 'DESC',
	limit: 'LIMIT',
	group: 'UNKNOWN_KEYWORD',
	having: 'UNKNOWN_KEYWORD',
};

const PUNCTUATION: Array<[string, TokenType]> = [
	['!=', 'NE'],
	['<=', 'LTE'],
	['>=', 'GTE'],
	['<', 'LT'],
	['>', 'GT'],
	['=', 'EQ'],
	['(', 'PARENOPEN'],
	[')', 'PARENCLOSE'],
	[',', 'COMMA'],
	['*', 'ASTERISK'],
	[';', 'SEMICOLON'],
];

class Lexer {
	private pos = 0;
	private line = 1;

	constructor(private readonly src: string) {}

	next(): Token {
		const s = this.src;
		while (this.pos < s.length && /[ \t\r\n]/.test(s[this.pos])) {
			if (s[this.pos] === '\n') this.line++;
			this.pos++;
		}
		if (this.pos >= s.length) return { type: 'EOF', text: '', line: this.line };
		const rest = s.slice(this.pos);
		const tok = (type: TokenType, text: string, valueKind?: 'string' | 'int'): Token => {
			this.pos += text.length;
			return { type, text, line: this.line, valueKind };
		};
		if (rest[0] === "'") {
			// A string is one or more of: any non-quote, or a doubled quote. So '' alone is unreadable.
			const m = /^'((?:[^']|'')+)'/.exec(rest);
			if (!m) throw err.internal();
			const t = tok('VALUE', m[0], 'string');
			this.line += (m[0].match(/\n/g) ?? []).length;
			return t;
		}
		const signed = /^[+-]\d+(?![A-Za-z0-9_])/.exec(rest);
		if (signed) return tok('VALUE', signed[0], 'int');
		const word = /^[A-Za-z0-9_]+/.exec(rest);
		if (word) {
			const text = word[0];
			if (/^\d+$/.test(text)) return tok('VALUE', text, 'int');
			const lower = text.toLowerCase();
			if (lower === 'order') {
				const by = /^order[ \t\r\n]+by(?![A-Za-z0-9_])/i.exec(rest);
				return by ? tok('ORDERBY', by[0]) : tok('UNKNOWN_KEYWORD', text);
			}
			if (lower === 'count' && /^count[ \t\r\n]*\(/i.test(rest)) return tok('COUNT', text);
			return tok(KEYWORDS[lower] ?? 'COLUMNNAME', text);
		}
		for (const [p, type] of PUNCTUATION) if (rest.startsWith(p)) return tok(type, p);
		throw err.internal();
	}
}

class Parser {
	private readonly lexer: Lexer;
	private current: Token;
	private last: Token | undefined;

	constructor(src: string) {
		this.lexer = new Lexer(src);
		this.current = this.lexer.next();
	}

	private advance(): Token {
		const t = this.current;
		this.last = t;
		this.current = this.lexer.next();
		return t;
	}

	private fail(expected: string[]): never {
		const t = this.current;
		if (t.type === 'UNKNOWN_KEYWORD') throw err.querySyntax('There is an syntax error in query');
		if (t.type === 'EOF') {
			throw err.querySyntax(
				`Syntax Error on line ${t.line}: token '${this.last?.text ?? ''}' Unexpected End of Input(0), expected one of: ${expected.join(',')}`,
			);
		}
		throw err.querySyntax(
			`Syntax Error on line ${t.line}: token '${t.text}' Unexpected ${t.type}(${t.text}), expected one of: ${expected.join(',')}`,
		);
	}

	private expect(...types: TokenType[]): Token {
		if (!types.includes(this.current.type)) this.fail(types);
		return this.advance();
	}

	private at(type: TokenType): boolean {
		return this.current.type === type;
	}

	parse(): ParsedQuery {
		this.expect('SELECT');
		let select: ParsedQuery['select'];
		if (this.at('ASTERISK')) {
			this.advance();
			select = { kind: 'all' };
		} else if (this.at('COUNT')) {
			this.advance();
			this.expect('PARENOPEN');
			this.expect('ASTERISK');
			this.expect('PARENCLOSE');
			select = { kind: 'count' };
			// The server's grammar accepts columns after count(*); the query stays a count.
			while (this.at('COMMA')) {
				this.advance();
				this.expect('COLUMNNAME');
			}
		} else {
			const fields = [this.expect('COLUMNNAME').text];
			while (this.at('COMMA')) {
				this.advance();
				fields.push(this.expect('COLUMNNAME').text);
			}
			select = { kind: 'fields', fields };
		}
		this.expect('FRM');
		const module = this.expect('COLUMNNAME').text;
		const query: ParsedQuery = { select, module, where: [], orderBy: [], orderDesc: false };

		if (this.at('WHERE')) {
			this.advance();
			let group: Predicate[] = [this.predicate()];
			query.where.push(group);
			while (this.at('LOGICAL_AND') || this.at('LOGICAL_OR')) {
				const isOr = this.advance().type === 'LOGICAL_OR';
				const p = this.predicate();
				if (isOr) query.where.push((group = [p]));
				else group.push(p);
			}
		}
		if (this.at('ORDERBY')) {
			this.advance();
			query.orderBy.push(this.expect('COLUMNNAME').text);
			while (this.at('COMMA')) {
				this.advance();
				query.orderBy.push(this.expect('COLUMNNAME').text);
			}
			if (this.at('ASC') || this.at('DESC')) query.orderDesc = this.advance().type === 'DESC';
		}
		if (this.at('LIMIT')) {
			this.advance();
			const first = this.operand();
			if (this.at('COMMA')) {
				this.advance();
				query.limit = { offset: first, count: this.operand() };
			} else query.limit = { count: first };
		}
		const expectedEnd: TokenType[] = [];
		if (!query.limit) {
			if (query.orderBy.length === 0) {
				if (query.where.length === 0) expectedEnd.push('WHERE');
				expectedEnd.push('ORDERBY');
			}
			expectedEnd.push('LIMIT');
		}
		expectedEnd.push('SEMICOLON');
		this.expect(...expectedEnd);
		if (!this.at('EOF')) this.fail(['End of Input']);
		return query;
	}

	private predicate(): Predicate {
		const field = this.expect('COLUMNNAME').text;
		const opToken = this.expect('EQ', 'NE', 'LT', 'GT', 'LTE', 'GTE', 'LIKE', 'IN');
		const ops: Record<string, Operator> = {
			EQ: '=',
			NE: '!=',
			LT: '<',
			GT: '>',
			LTE: '<=',
			GTE: '>=',
			LIKE: 'like',
			IN: 'in',
		};
		const op = ops[opToken.type];
		if (op !== 'in') return { field, op, values: [this.operand()] };
		this.expect('PARENOPEN');
		const values = [this.operand()];
		while (this.at('COMMA')) {
			this.advance();
			values.push(this.operand());
		}
		this.expect('PARENCLOSE');
		return { field, op, values };
	}

	private operand(): Operand {
		const t = this.expect('VALUE', 'COLUMNNAME');
		if (t.type === 'COLUMNNAME') return { kind: 'word', text: t.text };
		if (t.valueKind === 'int') return { kind: 'int', text: t.text };
		return { kind: 'string', raw: t.text.slice(1, -1) };
	}
}

/** The syntax is checked by the port of the server's own parser (exact error messages); the query is then read here. */
export function parseVtql(src: string): ParsedQuery {
	checkVtqlSyntax(src, () => undefined);
	return new Parser(src).parse();
}

/**
 * MySQL's reading of the quoted text (docs/vtiger-webservice.md#quoting-and-escaping): `''` is a quote, backslash escapes; `\%` and `\_`
 * keep their backslash (for LIKE). A trailing lone backslash breaks the SQL: undefined.
 */
export function mysqlUnquote(raw: string): string | undefined {
	const map: Record<string, string> = {
		'0': '\0',
		"'": "'",
		'"': '"',
		b: '\b',
		n: '\n',
		r: '\r',
		t: '\t',
		Z: '\x1a',
		'\\': '\\',
		'%': '\\%',
		_: '\\_',
	};
	let out = '';
	for (let i = 0; i < raw.length; i++) {
		const c = raw[i];
		if (c === "'") {
			out += "'";
			i++;
		} else if (c === '\\') {
			if (i + 1 >= raw.length) return undefined;
			const n = raw[++i];
			out += map[n] ?? n;
		} else out += c;
	}
	return out;
}
