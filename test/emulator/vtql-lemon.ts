/**
 * The syntax check of VTQL exactly as Vtiger 8.3.0 does it: a port of its stateful lexer
 * (include/Webservices/VTQL_Lexer.php) and of its Lemon-generated LALR parser driver and tables
 * (VTQL_Parser.php), so that QUERY_SYNTAX_ERROR messages ("… Unexpected VALUE(NOT), expected one
 * of: EQ,LT,…") and the quirks of the token typing (a word after a WHERE column is a VALUE, `ORDER`
 * is skipped, a comma after `*` is "Unknown") are the server's own. Of the semantic actions only
 * the table name check (rule 7) runs here; everything else is evaluated by query.ts on the
 * emulator's own parse (vtql.ts).
 */
import { err } from './errors';

// ---- tokens ---------------------------------------------------------------------------------

const T = {
	SELECT: 1,
	FRM: 2,
	COLUMNNAME: 3,
	ASTERISK: 4,
	COUNT: 5,
	PARENOPEN: 6,
	PARENCLOSE: 7,
	COMMA: 8,
	TABLENAME: 9,
	WHERE: 10,
	LOGICAL_AND: 11,
	LOGICAL_OR: 12,
	VALUE: 13,
	EQ: 14,
	LT: 15,
	GT: 16,
	LTE: 17,
	GTE: 18,
	NE: 19,
	IN: 20,
	LIKE: 21,
	ORDERBY: 22,
	ASC: 23,
	DESC: 24,
	LIMIT: 25,
	SEMICOLON: 26,
} as const;

const TOKEN_NAMES = [
	'$',
	'SELECT',
	'FRM',
	'COLUMNNAME',
	'ASTERISK',
	'COUNT',
	'PARENOPEN',
	'PARENCLOSE',
	'COMMA',
	'TABLENAME',
	'WHERE',
	'LOGICAL_AND',
	'LOGICAL_OR',
	'VALUE',
	'EQ',
	'LT',
	'GT',
	'LTE',
	'GTE',
	'NE',
	'IN',
	'LIKE',
	'ORDERBY',
	'ASC',
	'DESC',
	'LIMIT',
	'SEMICOLON',
	'error',
	'sql',
	'select_statement',
	'selectcol_list',
	'table_list',
	'where_condition',
	'order_clause',
	'limit_clause',
	'end_stmt',
	'selectcolumn_exp',
	'condition',
	'expr_set',
	'expr',
	'logical_term',
	'valuelist',
	'valueref',
	'value_exp',
	'column_group',
	'clause',
	'column_list',
	'column_exp',
	'limit_set',
];

/** A token code; null where a PHP handler returned nothing (the parser then reports "Unknown"). */
type Major = number | null;

const MANDATORY_STATES = ['select', 'column_list', 'from', 'table'];
const OPTIONAL_STATES = ['where', 'orderby', 'limit'];
const TOKEN_RE =
	/^((\w+|'(?:[^']|'')+'|\(|\)|(\+|-)?\d+|,|\*|(?!<|>)=|<(?!=)|>(?!=)|<=|>=|!=|;))|^([ \t\r\n]+)/;

const ieq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** VTQL_Lexer with the handle* functions and their globals ($where_col, $orderby, $in_started, $count). */
class Lexer {
	token: Major = null;
	value = '';
	linenum = 1;
	private index = 0;
	private mandatory = true;
	private state = 0;
	private whereCol = false;
	private orderby = false;
	private inStarted = false;
	private count = false;

	constructor(private readonly data: string) {}

	/** false at the end of the input; an unreadable character is a PHP Exception (INTERNAL_SERVER_ERROR). */
	next(): boolean {
		for (;;) {
			if (this.index >= this.data.length) return false;
			const m = TOKEN_RE.exec(this.data.slice(this.index));
			if (!m) throw err.internal();
			if (m[1] === undefined) {
				// whitespace: skipped (PHP's linenum update counts the token in "\n", so mostly 0)
				this.advance(m[4]);
				continue;
			}
			this.value = m[1];
			if (this.rule(this.value) === 'skip') {
				this.advance(this.value);
				continue;
			}
			this.advance(this.value);
			return true;
		}
	}

	private advance(text: string): void {
		this.index += text.length;
		if (text === '\n') this.linenum++;
	}

	private incState(): void {
		this.state++;
		if (this.state === MANDATORY_STATES.length) this.mandatory = false;
	}

	/** yy_r1_1 */
	private rule(value: string): 'skip' | void {
		if (this.mandatory) {
			this.token = this.handle(MANDATORY_STATES[this.state], value);
			return;
		}
		if (value === ';') {
			this.token = T.SEMICOLON;
			return;
		}
		if (ieq(value, 'order')) {
			this.orderby = true;
			return 'skip';
		} else if (ieq(value, 'by') && this.orderby) {
			this.orderby = false;
			this.state = 1;
		}
		const index = OPTIONAL_STATES.indexOf(value.toLowerCase());
		if (index >= 0) this.state = index;
		this.token = this.handle(OPTIONAL_STATES[this.state], value);
	}

	private handle(state: string | undefined, value: string): Major {
		switch (state) {
			case 'select':
				if (this.mandatory && ieq(value, MANDATORY_STATES[this.state])) {
					this.incState();
					return T.SELECT;
				}
				return null;
			case 'column_list':
				if (!this.mandatory) return null;
				if (!ieq(value, MANDATORY_STATES[2])) {
					if (value === '*') {
						if (!this.count) this.incState();
						return T.ASTERISK;
					}
					if (value === '(') return T.PARENOPEN;
					if (value === ')') return T.PARENCLOSE;
					if (ieq(value, 'count')) {
						this.count = true;
						return T.COUNT;
					}
					if (value === ',') return T.COMMA;
					return T.COLUMNNAME;
				}
				this.incState();
				this.incState();
				return T.FRM;
			case 'from':
				if (ieq(value, MANDATORY_STATES[this.state])) {
					this.incState();
					return T.FRM;
				}
				return null;
			case 'table':
				if (this.mandatory) {
					this.state = 0;
					this.mandatory = false;
					if (!ieq(value, OPTIONAL_STATES[this.state])) return T.TABLENAME;
				}
				return null;
			case 'where':
				return this.handleWhere(value.trim());
			case 'orderby':
				if (!this.orderby) {
					this.orderby = true;
					return T.ORDERBY;
				}
				if (value === ',') return T.COMMA;
				if (ieq(value, 'asc')) return T.ASC;
				if (ieq(value, 'desc')) return T.DESC;
				return T.COLUMNNAME;
			case 'limit':
				if (ieq(value, 'limit')) return T.LIMIT;
				if (value === '(') return T.PARENOPEN;
				if (value === ')') return T.PARENCLOSE;
				if (value === ',') return T.COMMA;
				return T.VALUE;
			default:
				return null;
		}
	}

	private handleWhere(value: string): Major {
		if (value === '=') return T.EQ;
		if (ieq(value, OPTIONAL_STATES[this.state])) return T.WHERE;
		if (value === '<') return T.LT;
		if (value === '<=') return T.LTE;
		if (value === '>=') return T.GTE;
		if (value === '!=') return T.NE;
		if (value === '>') return T.GT;
		if (value === '(') return T.PARENOPEN;
		if (value === ')') {
			if (this.inStarted) {
				this.inStarted = false;
				this.whereCol = false;
			}
			return T.PARENCLOSE;
		}
		if (ieq(value, 'and')) return T.LOGICAL_AND;
		if (ieq(value, 'or')) return T.LOGICAL_OR;
		if (!this.whereCol) {
			this.whereCol = true;
			return T.COLUMNNAME;
		}
		if (ieq(value, 'in')) {
			this.inStarted = true;
			return T.IN;
		}
		if (value === ',') return T.COMMA;
		if (ieq(value, 'like')) return T.LIKE;
		if (!this.inStarted) this.whereCol = false;
		return T.VALUE;
	}
}

// ---- the Lemon tables of VTQL_Parser.php ----------------------------------------------------

const YY_ACTION = [
	36, 29, 28, 30, 31, 38, 39, 37, 41, 26, 18, 57, 7, 10, 27, 22, 50, 55, 17, 18, 15, 9, 12, 42, 43,
	35, 25, 16, 33, 51, 52, 101, 56, 21, 47, 2, 19, 46, 52, 44, 3, 20, 53, 49, 24, 34, 23, 6, 40, 45,
	1, 4, 13, 54, 11, 48, 5, 14, 32, 8,
];
const YY_LOOKAHEAD = [
	14, 15, 16, 17, 18, 19, 20, 21, 41, 42, 43, 13, 44, 33, 46, 47, 11, 12, 42, 43, 37, 38, 2, 23, 24,
	4, 5, 30, 8, 7, 8, 28, 29, 36, 35, 22, 4, 13, 8, 8, 1, 6, 26, 3, 8, 3, 13, 3, 7, 45, 40, 6, 34,
	39, 31, 48, 10, 32, 9, 25,
];
const YY_SHIFT_USE_DFLT = -15;
const YY_SHIFT_OFST = [
	39, 45, -15, 21, -15, -15, -14, 0, 33, 44, 34, 46, 49, 16, 13, 5, 20, 22, -2, 41, 32, 42, 40, 36,
	24, 35, 30, 31,
];
const YY_REDUCE_USE_DFLT = -34;
const YY_REDUCE_OFST = [3, -33, -32, -3, -24, -17, 10, 4, 7, 14, 18, 25, 23, -1, -20];
const EXPECTED: number[][] = [
	[1],
	[6],
	[],
	[4, 5],
	[],
	[],
	[14, 15, 16, 17, 18, 19, 20, 21],
	[23, 24],
	[13],
	[3],
	[25],
	[10],
	[9],
	[26],
	[22],
	[11, 12],
	[2, 8],
	[7, 8],
	[13],
	[7],
	[4],
	[3],
	[3],
	[8],
	[13],
	[6],
	[8],
	[8],
	...Array.from({ length: 30 }, (): number[] => []),
];
const YY_DEFAULT = [
	100, 77, 91, 64, 77, 71, 100, 94, 100, 100, 96, 67, 100, 100, 87, 66, 100, 100, 100, 100, 100,
	100, 100, 97, 100, 100, 74, 88, 80, 79, 81, 82, 65, 63, 60, 61, 78, 85, 83, 84, 62, 72, 92, 93,
	90, 86, 98, 59, 95, 89, 69, 73, 76, 99, 68, 70, 58, 75,
];
const YYNOCODE = 50;
const YYNSTATE = 58;
const YYNRULE = 42;
const YYERRORSYMBOL = 27;
const YY_SZ_ACTTAB = 60;
const YY_NO_ACTION = 102;
const YY_ERROR_ACTION = 100;
/** [lhs, rhs] of each rule. */
const RULES: Array<[number, number]> = [
	[28, 1],
	[29, 8],
	[30, 2],
	[30, 1],
	[30, 4],
	[36, 2],
	[36, 0],
	[31, 1],
	[32, 2],
	[32, 0],
	[37, 2],
	[38, 2],
	[38, 2],
	[38, 0],
	[39, 3],
	[41, 3],
	[41, 1],
	[42, 2],
	[43, 2],
	[43, 0],
	[40, 1],
	[40, 1],
	[40, 1],
	[40, 1],
	[40, 1],
	[40, 1],
	[40, 1],
	[40, 1],
	[33, 3],
	[33, 0],
	[44, 1],
	[46, 2],
	[47, 2],
	[47, 0],
	[45, 1],
	[45, 1],
	[45, 0],
	[34, 2],
	[34, 0],
	[48, 1],
	[48, 3],
	[35, 1],
];

interface Entry {
	stateno: number;
	major: Major;
	minor: unknown;
}

/** PHP's `$i += $iLookAhead` and `!=` with a null look-ahead. */
const num = (m: Major): number => m ?? 0;

class Parser {
	private stack: Entry[] = [];
	private idx = -1;
	constructor(
		private readonly lex: Lexer,
		private readonly checkTable: (name: string) => void,
	) {}

	private findShiftAction(lookahead: Major): number {
		const stateno = this.stack[this.idx].stateno;
		if (YY_SHIFT_OFST[stateno] === undefined) return YY_DEFAULT[stateno];
		let i = YY_SHIFT_OFST[stateno];
		if (i === YY_SHIFT_USE_DFLT) return YY_DEFAULT[stateno];
		if (lookahead === YYNOCODE) return YY_NO_ACTION;
		i += num(lookahead);
		if (i < 0 || i >= YY_SZ_ACTTAB || lookahead === null || YY_LOOKAHEAD[i] !== lookahead)
			return YY_DEFAULT[stateno];
		return YY_ACTION[i];
	}

	private findReduceAction(stateno: number, lookahead: number): number {
		if (YY_REDUCE_OFST[stateno] === undefined) return YY_DEFAULT[stateno];
		let i = YY_REDUCE_OFST[stateno];
		if (i === YY_REDUCE_USE_DFLT) return YY_DEFAULT[stateno];
		if (lookahead === YYNOCODE) return YY_NO_ACTION;
		i += lookahead;
		if (i < 0 || i >= YY_SZ_ACTTAB || YY_LOOKAHEAD[i] !== lookahead) return YY_DEFAULT[stateno];
		return YY_ACTION[i];
	}

	/** yy_is_expected_token / yy_get_expected_tokens: simulate the reductions (see the end for a PHP quirk). */
	private simulate(token: Major, mode: 'is' | 'get'): { expected: number[]; ok: boolean } {
		const state = this.stack[this.idx].stateno;
		const expected = [...EXPECTED[state]];
		if (mode === 'is' && token === 0) return { expected, ok: true };
		if (token !== null && EXPECTED[state].includes(token)) return { expected, ok: true };
		const savedStack = this.stack.map((e) => ({ ...e }));
		const savedIdx = this.idx;
		const restore = (): void => {
			this.stack = savedStack;
			this.idx = savedIdx;
		};
		const union = (more: number[]): void => {
			// PHP's `$expected += $more` on lists keeps the existing keys: only longer tails are added.
			for (let k = expected.length; k < more.length; k++) expected.push(more[k]);
		};
		let act = this.findShiftAction(token);
		outer: for (;;) {
			if (act >= YYNSTATE && act < YYNSTATE + YYNRULE) {
				let done = 0;
				for (;;) {
					if (done++ === 100) {
						restore();
						return { expected: [...new Set(expected)], ok: true };
					}
					const [lhs, rhs] = RULES[act - YYNSTATE];
					this.idx -= rhs;
					const next = this.findReduceAction(this.stack[this.idx].stateno, lhs);
					if (EXPECTED[next] !== undefined) {
						union(EXPECTED[next]);
						if (token !== null && EXPECTED[next].includes(token)) {
							restore();
							return { expected: [...new Set(expected)], ok: true };
						}
					}
					if (next < YYNSTATE) {
						this.idx++;
						this.stack[this.idx] = { stateno: next, major: lhs, minor: null };
						act = this.findShiftAction(token);
						continue outer;
					} else if (next === YYNSTATE + YYNRULE + 1) {
						restore();
						return { expected: [...new Set(expected)], ok: !token };
					} else if (next === YY_NO_ACTION) {
						restore();
						return { expected, ok: true };
					} else act = next;
				}
			}
			break;
		}
		// Like the PHP driver, this last way out does not restore the stack: the simulated
		// reductions stay on it (so a following reduce sees them, e.g. an empty table name).
		return { expected: [...new Set(expected)], ok: true };
	}

	private syntaxError(major: Major, value: unknown): never {
		const name =
			major === 0
				? 'End of Input'
				: major !== null && major > 0 && major < TOKEN_NAMES.length
					? TOKEN_NAMES[major]
					: 'Unknown';
		const expected = this.simulate(major, 'get').expected.map((t) => TOKEN_NAMES[t]);
		throw err.querySyntax(
			`Syntax Error on line ${this.lex.linenum}: token '${this.lex.value}' Unexpected ${name}(${String(value)}), expected one of: ${expected.join(',')}`,
		);
	}

	private shift(state: number, major: Major, minor: unknown): void {
		this.idx++;
		this.stack.push({ stateno: state, major, minor });
	}

	private reduce(ruleno: number): void {
		const lhsValue: unknown = null;
		const at = (offset: number): unknown => this.stack[this.idx + offset]?.minor;
		if (ruleno === 7) {
			const name = String(at(0) ?? '');
			if (!name) throw err.querySyntax('There is an syntax error in query');
			this.checkTable(name);
		}
		const [lhs, rhs] = RULES[ruleno];
		this.idx -= rhs;
		this.stack.length -= rhs;
		const act = this.findReduceAction(this.stack[this.idx].stateno, lhs);
		if (act < YYNSTATE) {
			if (rhs) {
				this.idx++;
				this.stack[this.idx] = { stateno: act, major: lhs, minor: lhsValue };
			} else this.shift(act, lhs, lhsValue);
		} else if (act === YYNSTATE + YYNRULE + 1) this.accept();
	}

	/** yy_accept: success, and the stack is emptied (a later token starts a new parse). */
	private accept(): void {
		this.accepted = true;
		this.stack = [];
		this.idx = -1;
	}

	accepted = false;

	doParse(major: Major, value: unknown): void {
		if (this.idx < 0) {
			this.idx = 0;
			this.stack = [{ stateno: 0, major: 0, minor: null }];
		}
		// PHP: $yymajor == 0 is also true for a null token.
		const endOfInput = num(major) === 0;
		let m: Major = major;
		do {
			let act = this.findShiftAction(m);
			if ((m === null || m < YYERRORSYMBOL) && !this.simulate(m, 'is').ok) act = YY_ERROR_ACTION;
			if (act < YYNSTATE) {
				this.shift(act, m, value);
				m = endOfInput && this.idx >= 0 ? 0 : YYNOCODE;
			} else if (act < YYNSTATE + YYNRULE) {
				this.reduce(act - YYNSTATE);
			} else if (act === YY_ERROR_ACTION) {
				this.syntaxError(m, value);
			} else {
				this.accept();
				m = YYNOCODE;
			}
		} while (m !== YYNOCODE && this.idx >= 0);
	}
}

/**
 * Runs the 8.3.0 lexer and parser over `query` like QueryParser::parse. Throws the server's
 * QUERY_SYNTAX_ERROR / INTERNAL_SERVER_ERROR; `checkTable` runs when the table name is reduced
 * (unknown modules are refused there). "Parsing failed" when the input ends without a statement.
 */
export function checkVtqlSyntax(query: string, checkTable: (name: string) => void): void {
	const lex = new Lexer(query);
	const parser = new Parser(lex, checkTable);
	while (lex.next()) parser.doParse(lex.token, lex.value);
	parser.doParse(0, 0);
	if (!parser.accepted) throw err.querySyntax('Parsing failed');
}
