import * as vtql from '../../nodes/Vtiger/vtql/select';
import * as userQuery from '../../nodes/Vtiger/vtql/userQuery';

// The emulator's port of Vtiger's VTQL grammar and MySQL's reading of a quoted literal (reference
// 9.2, 9.3) serve as an independent oracle: what we write must be accepted and mean what we meant.
import { mysqlUnquote, parseVtql } from '../emulator/vtql';

const {
	conditionText,
	identifier,
	quote,
	selectAfterId,
	selectChanges,
	selectCount,
	selectSorted,
	VtqlError,
	whereText,
} = vtql;
const { inspectUserQuery, relatedQueryPage, userQueryPage } = userQuery;
type VtqlError = vtql.VtqlError;
type Condition = vtql.Condition;

const c = (field: string, operator: Condition['operator'], value: Condition['value']) => ({
	field,
	operator,
	value,
});

/** LIKE matching as MySQL does it, after the string literal was read: `\x` is a literal x. */
function likeMatches(literal: string, text: string): boolean {
	const pattern = mysqlUnquote(literal.slice(1, -1));
	if (pattern === undefined) throw new Error(`${literal} is not a valid MySQL literal`);
	let re = '';
	for (let i = 0; i < pattern.length; i++) {
		const ch = pattern[i];
		if (ch === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]);
		else if (ch === '%') re += '[\\s\\S]*';
		else if (ch === '_') re += '[\\s\\S]';
		else re += escapeRe(ch);
	}
	return new RegExp(`^${re}$`).test(text);
}
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('identifier', () => {
	test.each([
		['lastname', 'lastname'],
		['  cf_853 ', 'cf_853'],
		['_private', '_private'],
		['Accounts', 'Accounts'],
		['a1', 'a1'],
	])('%p is the name %p', (name, expected) => {
		expect(identifier(name)).toBe(expected);
	});

	test.each([
		['', 'field'],
		['1stname', 'field'],
		['last name', 'field'],
		['lastname;', 'field'],
		["lastname'", 'field'],
		['lastname--', 'field'],
		['a.b', 'field'],
		['(id)', 'field'],
		['Contacts WHERE 1', 'module'],
		['Lëads', 'module'],
	])('%p is rejected as a %s name', (name, what) => {
		let caught: unknown;
		try {
			identifier(name, what);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(VtqlError);
		expect((caught as VtqlError).message).toContain(`"${name}" is not a valid ${what} name`);
		expect((caught as VtqlError).field).toBe(name);
	});
});

describe('quote', () => {
	// docs/vtiger-webservice.md#quoting-and-escaping: \ becomes \\, then ' becomes '', then single quotes around.
	test.each([
		['Doe', "'Doe'"],
		["O'Brien \\ Co", "'O''Brien \\\\ Co'"],
		["it''s", "'it''''s'"],
		['C:\\', "'C:\\\\'"],
		['\\', "'\\\\'"],
		["'", "''''"],
		['50%', "'50%'"],
		['a_b', "'a_b'"],
		['Zoë 東京', "'Zoë 東京'"],
		['a;b (c) "d"', '\'a;b (c) "d"\''],
		["x' OR '1'='1", "'x'' OR ''1''=''1'"],
		['12x34', "'12x34'"],
		['2024-05-01 00:00:00', "'2024-05-01 00:00:00'"],
	])('%p is written %s', (value, expected) => {
		expect(quote(value)).toBe(expected);
	});

	test.each([
		"O'Brien \\ Co",
		'ends with a backslash \\',
		"\\'",
		"'; DELETE FROM vtiger_crmentity; --",
		'\\%\\_',
		'line\nbreak\ttab',
		'Zoë 東京',
	])('%p reads back unchanged in a WHERE that Vtiger accepts', (value) => {
		const parsed = parseVtql(`SELECT id FROM Contacts WHERE lastname = ${quote(value)};`);
		expect(parsed.where).toHaveLength(1);
		const [predicate] = parsed.where[0];
		expect(predicate.field).toBe('lastname');
		const operand = predicate.values[0];
		expect(operand.kind).toBe('string');
		expect(mysqlUnquote((operand as { raw: string }).raw)).toBe(value);
	});

	test.each([
		[undefined, "Vtiger's query language cannot compare with an empty value"],
		['email', 'cannot compare "email" with an empty value'],
	])('an empty value (field %p) cannot be written', (field, words) => {
		expect(() => quote('', field)).toThrow(VtqlError);
		expect(() => quote('', field)).toThrow(words);
	});
});

describe('conditionText', () => {
	test.each([
		[c('lastname', 'equal', 'Doe'), "lastname = 'Doe'"],
		[c('lastname', 'notEqual', 'Doe'), "lastname != 'Doe'"],
		[c('annual_revenue', 'lessThan', '10.5'), "annual_revenue < '10.5'"],
		[c('annual_revenue', 'greaterThan', '10.5'), "annual_revenue > '10.5'"],
		[c('createdtime', 'lessOrEqual', '2024-05-01'), "createdtime <= '2024-05-01'"],
		[c('createdtime', 'greaterOrEqual', '2024-05-01'), "createdtime >= '2024-05-01'"],
		[c(' lastname ', 'equal', "O'Brien"), "lastname = 'O''Brien'"],
		[c('lastname', 'contains', 'acme'), "lastname LIKE '%acme%'"],
		[c('lastname', 'startsWith', 'acme'), "lastname LIKE 'acme%'"],
		[c('lastname', 'endsWith', 'acme'), "lastname LIKE '%acme'"],
		// docs/vtiger-webservice.md#quoting-and-escaping: a literal % or _ is \\% / \\_; a literal \ is \\\\ in a LIKE pattern.
		[c('subject', 'contains', '100%'), "subject LIKE '%100\\\\%%'"],
		[c('subject', 'startsWith', 'a_b'), "subject LIKE 'a\\\\_b%'"],
		[c('subject', 'endsWith', 'C:\\'), "subject LIKE '%C:\\\\\\\\'"],
		[c('subject', 'contains', "O'Brien"), "subject LIKE '%O''Brien%'"],
		[c('id', 'isOneOf', ['12x1', '12x2']), "id IN ('12x1','12x2')"],
		[c('id', 'isOneOf', ' 12x1, 12x2 ,,12x3 '), "id IN ('12x1','12x2','12x3')"],
		[c('lastname', 'isOneOf', ["O'Brien", 'a\\b']), "lastname IN ('O''Brien','a\\\\b')"],
		[c('tags', 'equal', ['a', 'b']), "tags = 'a,b'"],
	])('%j is %s', (condition, expected) => {
		expect(conditionText(condition)).toBe(expected);
		expect(() => parseVtql(`SELECT id FROM Contacts WHERE ${expected};`)).not.toThrow();
	});

	test.each([
		[c('subject', 'contains', '100%'), ['100%', 'is 100% sure'], ['1000', '100 sure', '10%']],
		[c('subject', 'startsWith', 'a_b'), ['a_b', 'a_bc'], ['axb', 'axbc', 'xa_b']],
		[c('subject', 'endsWith', 'C:\\'), ['C:\\', 'dir C:\\'], ['C:\\x', 'C:']],
		[c('subject', 'contains', "O'Brien"), ["O'Brien", "Mr O'Brien & Co"], ['OBrien', 'O Brien']],
		[c('subject', 'contains', 'x\\%y'), ['x\\%y', '-x\\%y-'], ['x%y', 'x\\zy', 'x\\y']],
		[c('subject', 'startsWith', '%'), ['%', '% off'], ['off %', 'x']],
		[c('subject', 'contains', '__'), ['a__b'], ['ab', 'a_b', 'axxb']],
	])('the LIKE pattern of %j matches exactly the texts it should', (condition, match, noMatch) => {
		const literal = conditionText(condition).replace(/^subject LIKE /, '');
		for (const text of match) expect([text, likeMatches(literal, text)]).toEqual([text, true]);
		for (const text of noMatch) expect([text, likeMatches(literal, text)]).toEqual([text, false]);
	});

	test.each([
		[c('lastname', 'equal', ''), 'cannot compare "lastname" with an empty value', 'lastname'],
		[c('lastname', 'contains', ''), 'The condition on "lastname" needs a value', 'lastname'],
		[c('lastname', 'startsWith', ''), 'needs a value to search for', 'lastname'],
		[c('id', 'isOneOf', ' , ,'), '"is one of" condition on "id" needs at least one value', 'id'],
		[c('id', 'isOneOf', []), 'needs at least one value', 'id'],
		[c('id', 'isOneOf', ['12x1', '']), 'cannot compare "id" with an empty value', 'id'],
		[c('last name', 'equal', 'x'), '"last name" is not a valid field name', 'last name'],
		[
			{ field: 'lastname', operator: 'between' as Condition['operator'], value: 'x' },
			'Unknown condition operator "between"',
			'lastname',
		],
	])('%j is refused: %s', (condition, words, field) => {
		let caught: unknown;
		try {
			conditionText(condition);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(VtqlError);
		expect((caught as VtqlError).message).toContain(words);
		expect((caught as VtqlError).field).toBe(field);
	});
});

describe('whereText', () => {
	const a = c('lastname', 'equal', 'Doe');
	const b = c('firstname', 'equal', 'Jane');
	const A = "lastname = 'Doe'";
	const B = "firstname = 'Jane'";
	const k1 = "id > '12x5'";
	const k2 = "modifiedtime = '2024-01-01 00:00:00' AND id > '12x7'";

	test.each([
		[[], 'AND', [], ''],
		[[], 'OR', [], ''],
		[[a], 'AND', [], ` WHERE ${A}`],
		[[a, b], 'AND', [], ` WHERE ${A} AND ${B}`],
		[[a, b], 'OR', [], ` WHERE ${A} OR ${B}`],
		[[], 'AND', [k1], ` WHERE ${k1}`],
		[[], 'OR', [k1, k2], ` WHERE ${k1} OR ${k2}`],
		[[a], 'OR', [k1], ` WHERE ${A} AND ${k1}`],
		[[a, b], 'AND', [k1], ` WHERE ${A} AND ${B} AND ${k1}`],
		[[a, b], 'AND', [k1, k2], ` WHERE ${A} AND ${B} AND ${k1} OR ${A} AND ${B} AND ${k2}`],
		// The example of the doc comment: (a OR b) AND (k1 OR k2), VTQL having no parentheses.
		[
			[a, b],
			'OR',
			[k1, k2],
			` WHERE ${A} AND ${k1} OR ${A} AND ${k2} OR ${B} AND ${k1} OR ${B} AND ${k2}`,
		],
	] as Array<[Condition[], 'AND' | 'OR', string[], string]>)(
		'%j combined with %s, must hold %j',
		(conditions, combineWith, mustHold, expected) => {
			expect(whereText(conditions, combineWith, mustHold)).toBe(expected);
		},
	);

	test.each([
		[[a, b], 'OR', [k1, k2], 4],
		[[a, b], 'AND', [k1, k2], 2],
		[[a, b], 'OR', [], 2],
		[[a, b], 'AND', [], 1],
	] as Array<[Condition[], 'AND' | 'OR', string[], number]>)(
		'%j %s %j is read by Vtiger as %i alternatives (AND binds tighter than OR)',
		(conditions, combineWith, mustHold, alternatives) => {
			const parsed = parseVtql(
				`SELECT id FROM Contacts${whereText(conditions, combineWith, mustHold)};`,
			);
			expect(parsed.where).toHaveLength(alternatives);
		},
	);
});

describe('select builders', () => {
	const spec = { module: 'Contacts' };
	const hot = [c('leadstatus', 'equal', 'Hot')];
	test.each([
		[selectAfterId(spec, undefined, 100), 'SELECT * FROM Contacts ORDER BY id LIMIT 100;'],
		[
			selectAfterId(spec, '12x5123', 100),
			"SELECT * FROM Contacts WHERE id > '12x5123' ORDER BY id LIMIT 100;",
		],
		[
			selectAfterId(spec, '12x5', 100, '12x900'),
			"SELECT * FROM Contacts WHERE id > '12x5' AND id <= '12x900' ORDER BY id LIMIT 100;",
		],
		[
			selectAfterId(spec, undefined, 40, '12x900'),
			"SELECT * FROM Contacts WHERE id <= '12x900' ORDER BY id LIMIT 40;",
		],
		[
			selectAfterId(
				{ module: 'Leads', fields: ['lastname', ' email ', 'lastname'], conditions: hot },
				'10x1',
				100,
			),
			"SELECT lastname, email FROM Leads WHERE leadstatus = 'Hot' AND id > '10x1' ORDER BY id LIMIT 100;",
		],
		[
			selectAfterId(
				{
					module: 'Leads',
					conditions: [...hot, c('leadstatus', 'equal', 'Warm')],
					combineWith: 'OR',
				},
				'10x1',
				100,
			),
			"SELECT * FROM Leads WHERE leadstatus = 'Hot' AND id > '10x1' OR leadstatus = 'Warm' AND id > '10x1' ORDER BY id LIMIT 100;",
		],
		[selectSorted(spec, 0, 100), 'SELECT * FROM Contacts ORDER BY id LIMIT 0, 100;'],
		[
			selectSorted({ ...spec, sortField: 'lastname' }, 200, 100),
			'SELECT * FROM Contacts ORDER BY lastname, id LIMIT 200, 100;',
		],
		[
			selectSorted({ ...spec, sortField: 'lastname', sortDirection: 'ASC' }, 0, 10),
			'SELECT * FROM Contacts ORDER BY lastname, id LIMIT 0, 10;',
		],
		// One ASC/DESC after the whole list, for the last column (docs/vtiger-webservice.md#vtql-grammar): no tie-breaker.
		[
			selectSorted({ ...spec, sortField: 'modifiedtime', sortDirection: 'DESC' }, 0, 1),
			'SELECT * FROM Contacts ORDER BY modifiedtime DESC LIMIT 0, 1;',
		],
		[
			selectSorted({ ...spec, sortField: 'id', sortDirection: 'DESC' }, 100, 100),
			'SELECT * FROM Contacts ORDER BY id DESC LIMIT 100, 100;',
		],
		[
			selectSorted({ ...spec, fields: ['lastname'], conditions: hot }, 0, 100),
			"SELECT lastname FROM Contacts WHERE leadstatus = 'Hot' ORDER BY id LIMIT 0, 100;",
		],
		[selectCount(spec), 'SELECT count(*) FROM Contacts;'],
		[
			selectCount({ ...spec, conditions: hot }),
			"SELECT count(*) FROM Contacts WHERE leadstatus = 'Hot';",
		],
		[
			selectChanges(spec, 'modifiedtime', { since: '2024-09-23 10:15:02' }, 100),
			"SELECT * FROM Contacts WHERE modifiedtime >= '2024-09-23 10:15:02' ORDER BY modifiedtime, id LIMIT 100;",
		],
		// docs/vtiger-webservice.md#polling-for-changes: the (modifiedtime, id) cursor, without parentheses.
		[
			selectChanges(spec, 'modifiedtime', { time: '2024-09-23 10:15:02', id: '12x1057' }, 100),
			"SELECT * FROM Contacts WHERE modifiedtime > '2024-09-23 10:15:02' OR modifiedtime = '2024-09-23 10:15:02' AND id > '12x1057' ORDER BY modifiedtime, id LIMIT 100;",
		],
		[
			selectChanges(
				{ ...spec, fields: ['lastname'], conditions: hot },
				'createdtime',
				{ time: '2024-09-23 10:15:02', id: '12x9' },
				50,
			),
			"SELECT lastname, createdtime FROM Contacts WHERE leadstatus = 'Hot' AND createdtime > '2024-09-23 10:15:02' OR leadstatus = 'Hot' AND createdtime = '2024-09-23 10:15:02' AND id > '12x9' ORDER BY createdtime, id LIMIT 50;",
		],
		[
			selectChanges(
				{ ...spec, fields: ['modifiedtime', 'id'] },
				'modifiedtime',
				{ since: '2024-01-01 00:00:00' },
				100,
			),
			"SELECT modifiedtime, id FROM Contacts WHERE modifiedtime >= '2024-01-01 00:00:00' ORDER BY modifiedtime, id LIMIT 100;",
		],
	])('%s', (query, expected) => {
		expect(query).toBe(expected);
		expect(() => parseVtql(query)).not.toThrow();
	});

	test.each([
		[() => selectAfterId({ module: 'Contacts;' }, undefined, 100), 'not a valid module name'],
		[() => selectSorted({ module: 'Contacts', sortField: 'last name' }, 0, 1), 'field name'],
		[() => selectCount({ module: '' }), 'not a valid module name'],
		[
			() => selectChanges({ module: 'Contacts' }, 'modified time', { since: 'x' }, 1),
			'"modified time" is not a valid field name',
		],
		[
			() => selectAfterId({ module: 'Contacts', fields: ['lastname', '*'] }, undefined, 1),
			'"*" is not a valid field name',
		],
		[
			() => selectChanges({ module: 'Contacts' }, 'modifiedtime', { time: 'x', id: '' }, 1),
			'empty value',
		],
	])('%s is refused', (build, words) => {
		expect(build).toThrow(VtqlError);
		expect(build).toThrow(words);
	});
});

describe('inspectUserQuery', () => {
	const none = { hasLimit: false, hasOrderBy: false, orderEndsDescending: false, isCount: false };
	test.each([
		['SELECT * FROM Contacts;', 'SELECT * FROM Contacts', none],
		['select * from Contacts', 'select * from Contacts', none],
		['  SELECT id FROM Contacts ;  ', 'SELECT id FROM Contacts', none],
		[
			"SELECT * FROM Contacts WHERE lastname = 'a;b';",
			"SELECT * FROM Contacts WHERE lastname = 'a;b'",
			none,
		],
		[
			"SELECT * FROM Contacts WHERE lastname = 'ORDER BY x DESC LIMIT 5';",
			"SELECT * FROM Contacts WHERE lastname = 'ORDER BY x DESC LIMIT 5'",
			none,
		],
		[
			'SELECT * FROM Contacts ORDER BY lastname;',
			'SELECT * FROM Contacts ORDER BY lastname',
			{ ...none, hasOrderBy: true },
		],
		[
			'SELECT * FROM Contacts ORDER BY lastname ASC;',
			'SELECT * FROM Contacts ORDER BY lastname ASC',
			{ ...none, hasOrderBy: true },
		],
		[
			'SELECT * FROM Contacts ORDER BY lastname DESC;',
			'SELECT * FROM Contacts ORDER BY lastname DESC',
			{ ...none, hasOrderBy: true, orderEndsDescending: true },
		],
		[
			'select * from Contacts order by firstname, lastname desc limit 10;',
			'select * from Contacts order by firstname, lastname desc limit 10',
			{ ...none, hasOrderBy: true, orderEndsDescending: true, hasLimit: true },
		],
		[
			'SELECT * FROM Contacts LIMIT 5, 10;',
			'SELECT * FROM Contacts LIMIT 5, 10',
			{ ...none, hasLimit: true },
		],
		[
			"SELECT * FROM Contacts WHERE lastname = 'it''s' ORDER BY id;",
			"SELECT * FROM Contacts WHERE lastname = 'it''s' ORDER BY id",
			{ ...none, hasOrderBy: true },
		],
		[
			"SELECT * FROM Contacts WHERE lastname = 'a\\\\' ORDER BY id DESC;",
			"SELECT * FROM Contacts WHERE lastname = 'a\\\\' ORDER BY id DESC",
			{ ...none, hasOrderBy: true, orderEndsDescending: true },
		],
		[
			'SELECT\n*\nFROM\tContacts\nORDER\nBY\nid\nLIMIT\n3\n;',
			'SELECT\n*\nFROM\tContacts\nORDER\nBY\nid\nLIMIT\n3',
			{ ...none, hasOrderBy: true, hasLimit: true },
		],
		['SELECT count(*) FROM Contacts;', 'SELECT count(*) FROM Contacts', { ...none, isCount: true }],
		[
			"SELECT COUNT( * ) FROM Contacts WHERE lastname = 'x';",
			"SELECT COUNT( * ) FROM Contacts WHERE lastname = 'x'",
			{ ...none, isCount: true },
		],
	])('%p', (query, body, flags) => {
		expect(inspectUserQuery(query)).toEqual({ body, ...flags });
	});

	test.each([
		['', 'The query is empty'],
		['  \n ', 'The query is empty'],
		['DELETE FROM Contacts;', 'Only SELECT queries can be run'],
		["UPDATE Contacts SET lastname = 'x';", 'Only SELECT queries can be run'],
		["'SELECT' * FROM Contacts;", 'Only SELECT queries can be run'],
		["SELECT * FROM Contacts WHERE lastname = 'x;", 'a quoted value that is never closed'],
		['SELECT * FROM Contacts; SELECT * FROM Leads;', 'a single SELECT statement'],
		['SELECT * FROM Contacts;;', 'a single SELECT statement'],
		['SELECT * FROM Contacts; DROP TABLE vtiger_users', 'a single SELECT statement'],
		['SELECT * FROM Contacts ; LIMIT 5', 'a ";" may only end it'],
	])('%p is refused: %s', (query, words) => {
		expect(() => inspectUserQuery(query)).toThrow(VtqlError);
		expect(() => inspectUserQuery(query)).toThrow(words);
	});
});

describe('userQueryPage', () => {
	test.each([
		['SELECT * FROM Contacts', 0, 100, 'SELECT * FROM Contacts ORDER BY id LIMIT 0, 100;'],
		[
			"SELECT * FROM Contacts WHERE lastname = 'x';",
			200,
			50,
			"SELECT * FROM Contacts WHERE lastname = 'x' ORDER BY id LIMIT 200, 50;",
		],
		[
			'SELECT * FROM Contacts ORDER BY lastname',
			100,
			100,
			'SELECT * FROM Contacts ORDER BY lastname, id LIMIT 100, 100;',
		],
		[
			'SELECT * FROM Contacts ORDER BY lastname ASC;',
			0,
			100,
			'SELECT * FROM Contacts ORDER BY lastname, id LIMIT 0, 100;',
		],
		[
			'SELECT * FROM Contacts ORDER BY firstname, lastname;',
			0,
			100,
			'SELECT * FROM Contacts ORDER BY firstname, lastname, id LIMIT 0, 100;',
		],
		[
			'SELECT * FROM Contacts ORDER BY lastname desc;',
			0,
			100,
			'SELECT * FROM Contacts ORDER BY lastname desc LIMIT 0, 100;',
		],
		[
			'SELECT * FROM Contacts ORDER BY id',
			0,
			100,
			'SELECT * FROM Contacts ORDER BY id LIMIT 0, 100;',
		],
		[
			'SELECT * FROM Contacts ORDER BY id ASC',
			0,
			100,
			'SELECT * FROM Contacts ORDER BY id ASC LIMIT 0, 100;',
		],
		[
			'SELECT * FROM Contacts ORDER BY modifiedtime, id;',
			300,
			100,
			'SELECT * FROM Contacts ORDER BY modifiedtime, id LIMIT 300, 100;',
		],
	])('%p at %i, %i', (query, offset, limit, expected) => {
		const page = userQueryPage(inspectUserQuery(query), offset, limit);
		expect(page).toBe(expected);
		expect(() => parseVtql(page)).not.toThrow();
	});
});

describe('relatedQueryPage', () => {
	// docs/vtiger-webservice.md#query-related / 21 row 31: no ";", an uppercase WHERE, and a WHERE before ORDER BY and LIMIT.
	test.each([
		[
			'SELECT * FROM Contacts',
			0,
			100,
			"SELECT * FROM Contacts WHERE id > '0x0' ORDER BY id LIMIT 0, 100",
		],
		[
			"SELECT id FROM Contacts where lastname = 'x';",
			100,
			50,
			"SELECT id FROM Contacts WHERE lastname = 'x' ORDER BY id LIMIT 100, 50",
		],
		[
			'SELECT * FROM Contacts ORDER BY lastname;',
			0,
			100,
			"SELECT * FROM Contacts WHERE id > '0x0' ORDER BY lastname LIMIT 0, 100",
		],
		[
			'select firstname from Contacts order by lastname desc',
			0,
			10,
			"select firstname from Contacts WHERE id > '0x0' order by lastname desc LIMIT 0, 10",
		],
		[
			"SELECT * FROM Contacts WHERE lastname LIKE '%where%' ORDER BY id",
			0,
			100,
			"SELECT * FROM Contacts WHERE lastname LIKE '%where%' ORDER BY id LIMIT 0, 100",
		],
	])('%p at %i, %i', (query, offset, limit, expected) => {
		const page = relatedQueryPage(inspectUserQuery(query), offset, limit);
		expect(page).toBe(expected);
		expect(page).not.toContain(';');
		expect(page.indexOf('WHERE')).toBeGreaterThan(0);
		expect(page.indexOf('WHERE')).toBeLessThan(page.search(/ORDER\s+BY|LIMIT/i));
		expect(() => parseVtql(`${page};`)).not.toThrow();
	});
});
