import * as values from '../../nodes/Vtiger/helpers/values';

// PHP's htmlentities as Vtiger applies it to labels (docs/vtiger-webservice.md#html-entities), from the emulator.
import { htmlEntities } from '../emulator/values';

const {
	checkPicklist,
	decodeLabel,
	FieldValueError,
	MULTIPICKLIST_SEPARATOR,
	simplifyRecord,
	simplifyValue,
	toWireBoolean,
	toWireDate,
	toWireDateTime,
	toWireMultipicklist,
	toWireNumber,
	toWireTime,
	toWireValue,
} = values;
type FieldValueError = values.FieldValueError;

type Field = Parameters<typeof toWireValue>[0];
const field = (name: string, type: string, extra: Record<string, unknown> = {}): Field => ({
	name,
	label: name,
	mandatory: false,
	type: { name: type, ...extra },
});

function thrown(run: () => unknown): FieldValueError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(FieldValueError);
		return error as FieldValueError;
	}
	throw new Error('expected a FieldValueError');
}

describe('toWireDate', () => {
	// docs/vtiger-webservice.md#dates-and-times: send exactly YYYY-MM-DD; plain dates are calendar dates without a timezone.
	test.each([
		['2026-12-01', '2026-12-01'],
		[' 2026-12-01 ', '2026-12-01'],
		['2024-02-29', '2024-02-29'],
		['2026-12-01 23:59:59', '2026-12-01'],
		['2026-12-01T23:30:00-05:00', '2026-12-01'],
		['2026-12-01T00:30:00+02:00', '2026-12-01'],
		[new Date(Date.UTC(2026, 11, 1, 23, 59, 59)), '2026-12-01'],
		[new Date(Date.UTC(1999, 0, 9)), '1999-01-09'],
		[Date.UTC(2026, 1, 28, 12), '2026-02-28'],
		// Text without a time of day is the day as written, whatever the server's time zone.
		['2026-1-5', '2026-01-05'],
		['1 Dec 2026', '2026-12-01'],
		['2026/12/01', '2026-12-01'],
	])('%p is sent as %p', (value, expected) => {
		expect(toWireDate('birthday', value)).toBe(expected);
	});

	// Vtiger stores these as 0000-00-00 or empty without an error (docs/vtiger-webservice.md#dates-and-times, #defects-by-version).
	test.each([
		['2026-02-30', 'expects a date that exists, not 2026-02-30'],
		['2025-02-29', 'not 2025-02-29'],
		['2026-13-01', 'not 2026-13-01'],
		['2026-00-10', 'not 2026-00-10'],
		['2026-04-31T10:00:00Z', 'not 2026-04-31'],
		['20261201', 'expects a date (YYYY-MM-DD), not "20261201"'],
		['next tuesday', 'not "next tuesday"'],
		['', 'expects a date'],
		[Number.NaN, 'expects a date'],
		[new Date('invalid'), 'expects a date'],
	])('%p is refused: %s', (value, words) => {
		const error = thrown(() => toWireDate('birthday', value));
		expect(error.field).toBe('birthday');
		expect(error.message).toContain('The field "birthday"');
		expect(error.message).toContain(words);
	});
});

describe('toWireDateTime', () => {
	// docs/vtiger-webservice.md#dates-and-times: YYYY-MM-DD HH:MM:SS in UTC; a value without a zone is taken as UTC.
	test.each([
		['2026-03-01 10:00:00', '2026-03-01 10:00:00'],
		['2026-03-01 10:00', '2026-03-01 10:00:00'],
		['2026-03-01', '2026-03-01 00:00:00'],
		[' 2026-03-01 10:00:05 ', '2026-03-01 10:00:05'],
		['2026-03-01T10:00:00Z', '2026-03-01 10:00:00'],
		['2026-03-01T10:00:00.999Z', '2026-03-01 10:00:00'],
		['2026-03-01T10:00:00+02:00', '2026-03-01 08:00:00'],
		['2026-03-01T10:00:00-0500', '2026-03-01 15:00:00'],
		['2026-12-31T23:30:00-01:00', '2027-01-01 00:30:00'],
		['2026-03-01T00:15:00+01:00', '2026-02-28 23:15:00'],
		['2026-03-01T10:00:00', '2026-03-01 10:00:00'],
		['2026-03-01T10:00', '2026-03-01 10:00:00'],
		[new Date(Date.UTC(2026, 2, 1, 10, 0, 7)), '2026-03-01 10:00:07'],
		[Date.UTC(2026, 2, 1, 10), '2026-03-01 10:00:00'],
	])('%p is sent as %p', (value, expected) => {
		expect(toWireDateTime('date_start', value)).toBe(expected);
	});

	test.each([
		['2026-02-30 10:00', 'expects a date that exists, not 2026-02-30'],
		['2026-02-30', 'not 2026-02-30'],
		['tomorrow at noon', 'expects a date and time, not "tomorrow at noon"'],
		['2026-01-01 25:99', 'expects a date and time, not "2026-01-01 25:99"'],
		['2026-01-01 24:00', 'not "2026-01-01 24:00"'],
		['2026-01-01 23:59:60', 'not "2026-01-01 23:59:60"'],
		['', 'expects a date and time'],
		[new Date('invalid'), 'expects a date and time'],
	])('%p is refused: %s', (value, words) => {
		const error = thrown(() => toWireDateTime('date_start', value));
		expect(error.message).toContain('The field "date_start"');
		expect(error.message).toContain(words);
	});
});

describe('toWireTime', () => {
	test.each([
		['09:05:07', '09:05:07'],
		['9:05', '09:05:00'],
		['23:59:59', '23:59:59'],
		['00:00', '00:00:00'],
		[' 7:30 ', '07:30:00'],
		['2026-03-01T10:00:00Z', '10:00:00'],
		['2026-03-01T10:00:00+02:00', '08:00:00'],
	])('%p is sent as %p', (value, expected) => {
		expect(toWireTime('time_start', value)).toBe(expected);
	});

	test.each(['24:00', '12:60', '12:30:60', '930', '9h30', 'noon', '', '12:3'])(
		'%p is refused',
		(value) => {
			const error = thrown(() => toWireTime('time_start', value));
			expect(error.message).toContain('The field "time_start" expects a time (HH:MM or HH:MM:SS)');
		},
	);
});

describe('toWireBoolean', () => {
	// Vtiger itself stores "true" and "yes" as 0 (docs/vtiger-webservice.md#booleans): the node sends 1/0.
	test.each([
		[true, '1'],
		[1, '1'],
		['1', '1'],
		['true', '1'],
		['TRUE', '1'],
		[' Yes ', '1'],
		['on', '1'],
		[false, '0'],
		[0, '0'],
		['0', '0'],
		['false', '0'],
		['No', '0'],
		['off', '0'],
		['', '0'],
		[null, '0'],
		[undefined, '0'],
	])('%p is sent as %p', (value, expected) => {
		expect(toWireBoolean('emailoptout', value)).toBe(expected);
	});

	test.each([['maybe'], [2], ['2'], ['y'], ['-1'], [{}]])('%p is refused', (value) => {
		const error = thrown(() => toWireBoolean('emailoptout', value));
		expect(error.message).toContain('The field "emailoptout" expects true or false');
	});
});

describe('toWireNumber', () => {
	// docs/vtiger-webservice.md#numbers: "." as decimal separator, no thousands separator.
	test.each([
		['42', true, '42'],
		[42, true, '42'],
		['-7', true, '-7'],
		[' 12 ', true, '12'],
		['1234.56', false, '1234.56'],
		['1234.50', false, '1234.5'],
		[1234.5, false, '1234.5'],
		['-0.25', false, '-0.25'],
		['.5', false, '0.5'],
		['5.', false, '5'],
		['1e3', false, '1000'],
		['2.5E2', false, '250'],
		[0, false, '0'],
		['19', false, '19'],
	])('%p (whole: %p) is sent as %p', (value, integer, expected) => {
		expect(toWireNumber('amount', value, integer)).toBe(expected);
	});

	test.each([
		['4.2', true, 'a whole number'],
		[4.5, true, 'a whole number'],
		['1e3', true, 'a whole number'],
		['1,000', true, 'a whole number'],
		['', true, 'a whole number'],
		['1,234.56', false, 'a number with "." as the decimal separator, not "1,234.56"'],
		['1234,56', false, 'not "1234,56"'],
		['1 234', false, 'not "1 234"'],
		['abc', false, 'not "abc"'],
		['1.2.3', false, 'not "1.2.3"'],
		['€5', false, 'not "€5"'],
		['', false, 'decimal separator'],
		[Infinity, false, 'decimal separator'],
		[Number.NaN, false, 'decimal separator'],
		['1e999', false, 'decimal separator'],
	])('%p (whole: %p) is refused: %s', (value, integer, words) => {
		const error = thrown(() => toWireNumber('amount', value, integer));
		expect(error.message).toContain('The field "amount" expects');
		expect(error.message).toContain(words);
	});
});

describe('toWireMultipicklist', () => {
	// docs/vtiger-webservice.md#field-types, #picklists: values joined with " |##| ".
	test.each([
		[['Red', 'Blue'], 'Red |##| Blue'],
		[[' Red ', 'Blue '], 'Red |##| Blue'],
		[['One'], 'One'],
		[[], ''],
		[[1, 2], '1 |##| 2'],
		['Red |##| Blue', 'Red |##| Blue'],
		['Red', 'Red'],
		[undefined, ''],
	])('%p is sent as %p', (value, expected) => {
		expect(toWireMultipicklist(value)).toBe(expected);
	});

	test('the separator is space, pipe, hash, hash, pipe, space', () => {
		expect(MULTIPICKLIST_SEPARATOR).toBe(' |##| ');
	});
});

describe('toWireValue', () => {
	const known: Record<string, string> = {
		admin: '19x1',
		'jane@example.com': '19x5',
		'Team Selling': '20x3',
		'19x1': '19x1',
	};
	const owners = { resolve: async (value: string) => known[value] };

	test.each([
		['string', 'Doe', 'Doe'],
		['string', 5, '5'],
		['text', { a: 1 }, '{"a":1}'],
		['unknowntype', ['a'], '["a"]'],
		['boolean', 'yes', '1'],
		['boolean', false, '0'],
		['date', '2026-12-01', '2026-12-01'],
		['datetime', '2026-03-01T10:00:00Z', '2026-03-01 10:00:00'],
		['time', '9:30', '09:30:00'],
		['integer', '42', '42'],
		['double', '3.50', '3.5'],
		['currency', '19.90', '19.9'],
		['multipicklist', ['Red', 'Blue'], 'Red |##| Blue'],
		['reference', ' 11x22 ', '11x22'],
		['owner', 'admin', '19x1'],
		['owner', ' jane@example.com ', '19x5'],
		['owner', 'Team Selling', '20x3'],
		['owner', '19x1', '19x1'],
		// Empty values stay empty whatever the type: they clear the field.
		['boolean', '', ''],
		['date', null, ''],
		['integer', undefined, ''],
		['reference', '', ''],
		['owner', '', ''],
	])('a %s field given %p sends %p', async (type, value, expected) => {
		expect(await toWireValue(field('f', type), value, owners)).toBe(expected);
	});

	test.each([
		['reference', '22', 'expects a record ID such as 12x34, not "22"'],
		['reference', 'Acme', 'not "Acme"'],
		['reference', '11x22x3', 'not "11x22x3"'],
		['owner', 'nobody', '"nobody" is none of these'],
		['integer', '4.5', 'a whole number'],
		['date', '2026-02-30', 'a date that exists'],
		['boolean', 'maybe', 'true or false'],
	])('a %s field given %p is refused: %s', async (type, value, words) => {
		const sent = toWireValue(field('account_id', type), value, owners);
		await expect(sent).rejects.toBeInstanceOf(FieldValueError);
		await expect(toWireValue(field('account_id', type), value, owners)).rejects.toThrow(
			`The field "account_id" `,
		);
		await expect(toWireValue(field('account_id', type), value, owners)).rejects.toThrow(words);
	});
});

describe('checkPicklist', () => {
	const values = (...names: string[]) => names.map((value) => ({ label: value, value }));
	const picklist = field('leadstatus', 'picklist', { picklistValues: values('Hot', 'Cold') });
	const multi = field('colours', 'multipicklist', { picklistValues: values('Red', 'Blue') });

	test.each([
		[picklist, 'Hot'],
		[picklist, ''],
		[multi, 'Red |##| Blue'],
		[multi, 'Blue'],
		[field('leadstatus', 'picklist', { picklistValues: [] }), 'Anything'],
		[field('leadstatus', 'picklist'), 'Anything'],
		[field('lastname', 'string'), 'Anything'],
	])('%j accepts %p', (description, wire) => {
		expect(() => checkPicklist(description, wire)).not.toThrow();
	});

	test.each([
		[picklist, 'hot', ['"hot"'], 'allowed: Hot, Cold'],
		[picklist, 'Warm', ['"Warm"'], 'allowed: Hot, Cold'],
		[multi, 'Red |##| Green |##| Pink', ['"Green", "Pink"'], 'allowed: Red, Blue'],
		[multi, 'Red|##|Blue', ['"Red|##|Blue"'], 'allowed: Red, Blue'],
	])('%j refuses %p', (description, wire, wrong, allowed) => {
		const error = thrown(() => checkPicklist(description, wire));
		expect(error.message).toContain(`The field "${description.name}" does not allow`);
		for (const w of wrong) expect(error.message).toContain(w);
		expect(error.message).toContain(allowed);
	});
});

describe('decodeLabel', () => {
	test.each([
		// The example of docs/vtiger-webservice.md#html-entities.
		[
			'Zo&euml; 東京 O&#039;Brien &amp; &lt;b&gt;&quot;Co&quot;&lt;/b&gt;',
			'Zoë 東京 O\'Brien & <b>"Co"</b>',
		],
		['Tom &amp;amp; Jerry', 'Tom &amp; Jerry'],
		['&#65;&#x42;&#X43;', 'ABC'],
		['&#x1F600; &#128512;', '😀 😀'],
		['a&nbsp;b', 'a\u00a0b'],
		['&apos;', "'"],
		['&copy; &reg; &deg; &micro;', '© ® ° µ'],
		['&iexcl;&iquest;', '¡¿'],
		['&times; &divide; &szlig; &yuml;', '× ÷ ß ÿ'],
		['&Auml;&auml; &AElig;&aelig; &ETH;&eth; &THORN;&thorn;', 'Ää Ææ Ðð Þþ'],
		['O&rsquo;Brien &ndash; 5 &euro; &ldquo;Co&rdquo; &hellip;', 'O’Brien – 5 € “Co” …'],
		['&OElig;&oelig; &Scaron;&scaron; &trade; &bull;', 'Œœ Šš ™ •'],
		['&#1114112; &#x110000;', '&#1114112; &#x110000;'],
		['&nosuch; &amp', '&nosuch; &amp'],
		['a & b; c', 'a & b; c'],
		['Plain text', 'Plain text'],
		['', ''],
	])('%p reads %p', (label, expected) => {
		expect(decodeLabel(label)).toBe(expected);
	});

	let latin1 = '';
	for (let code = 0xa0; code <= 0xff; code++) latin1 += String.fromCharCode(code);
	test.each([
		latin1,
		'O\'Brien & <b>"Co"</b>',
		'Zoë Müller-Lüdenscheidt, Ærøskøbing',
		'Straße 5 ½ × 2',
		'O’Brien – “Co” … 5 € ™',
	])('what Vtiger encodes from %p decodes back to it', (text) => {
		expect(decodeLabel(htmlEntities(text))).toBe(text);
	});
});

describe('simplifyValue', () => {
	test.each([
		['integer', '42', 42],
		['double', '1234.50000000', 1234.5],
		['currency', '1500.00000000', 1500],
		['currency', 100, 100],
		['double', 'n/a', 'n/a'],
		['boolean', '1', true],
		['boolean', '0', false],
		['boolean', 'yes', 'yes'],
		['date', '2026-12-01', '2026-12-01'],
		['date', '0000-00-00', null],
		['datetime', '2024-09-23 10:15:02', '2024-09-23T10:15:02Z'],
		['datetime', '2024-09-23', '2024-09-23'],
		['multipicklist', 'Red |##| Blue', ['Red', 'Blue']],
		['multipicklist', 'Red', ['Red']],
		['string', '00123', '00123'],
		['reference', '11x22', '11x22'],
		[undefined, 'x', 'x'],
		['string', '', null],
		['reference', null, null],
		['integer', undefined, null],
		['text', 'Tom &amp; Jerry', 'Tom &amp; Jerry'],
	])('a %s value %p is %p', (type, value, expected) => {
		expect(simplifyValue(type, value)).toEqual(expected);
	});
});

describe('simplifyRecord', () => {
	const fields = [
		field('lastname', 'string'),
		field('emailoptout', 'boolean'),
		field('annualrevenue', 'currency'),
		field('modifiedtime', 'datetime'),
		field('account_id', 'reference'),
	];
	test.each([
		[
			{
				id: '12x5',
				lastname: 'O&#039;Brien',
				emailoptout: '1',
				annualrevenue: '10.50000000',
				modifiedtime: '2024-09-23 10:15:02',
				account_id: null,
				label: 'Jane O&#039;Brien &amp; Co',
				cf_901: '7',
			},
			{
				id: '12x5',
				lastname: 'O&#039;Brien',
				emailoptout: true,
				annualrevenue: 10.5,
				modifiedtime: '2024-09-23T10:15:02Z',
				account_id: null,
				label: "Jane O'Brien & Co",
				cf_901: '7',
			},
		],
		[
			{ id: '12x6', account_id: '' },
			{ id: '12x6', account_id: null },
		],
	])('%j is simplified', (record, expected) => {
		expect(simplifyRecord(record, fields)).toEqual(expected);
	});
});
