/**
 * Values between n8n and Vtiger's wire format (docs/vtiger-webservice.md#field-types, #values):
 * what users give is turned into what Vtiger stores, and what Vtiger returns can be simplified
 * into plain JSON types.
 */
import type { FieldDescription } from '../transport/types';

export const MULTIPICKLIST_SEPARATOR = ' |##| ';

/** A value that cannot be sent for a field; the message names the field and what it expects. */
export class FieldValueError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(`The field "${field}" ${message}`);
		this.name = 'FieldValueError';
	}
}

export interface Owners {
	/** Resolves a user name, e-mail, group name or ws id to the owner's ws id. */
	resolve(value: string): Promise<string | undefined>;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDatePart = /^(\d{4})-(\d{2})-(\d{2})/;

function asDate(field: string, value: unknown, what: string, read = value): Date {
	const date =
		read instanceof Date
			? read
			: typeof read === 'number'
				? new Date(read)
				: new Date(String(read));
	if (Number.isNaN(date.getTime()))
		throw new FieldValueError(field, `expects ${what}, not "${String(value)}"`);
	return date;
}

function validCalendarDate(field: string, y: string, m: string, d: string): string {
	const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
	if (
		date.getUTCFullYear() !== Number(y) ||
		date.getUTCMonth() !== Number(m) - 1 ||
		date.getUTCDate() !== Number(d)
	) {
		throw new FieldValueError(field, `expects a date that exists, not ${y}-${m}-${d}`);
	}
	return `${y}-${m}-${d}`;
}

/** Calendar date: the date as written when a string starts with YYYY-MM-DD, else the UTC date. */
export function toWireDate(field: string, value: unknown): string {
	const match = typeof value === 'string' ? isoDatePart.exec(value.trim()) : null;
	if (match) return validCalendarDate(field, match[1], match[2], match[3]);
	const date = asDate(field, value, 'a date (YYYY-MM-DD)');
	// A text without a time of day (such as "1 Dec 2026") is read as a local date: its day as written.
	if (typeof value === 'string' && !/\d:\d{2}/.test(value))
		return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
	return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Date and time in UTC, as Vtiger stores them: `YYYY-MM-DD HH:MM:SS`. A value without a zone is taken as UTC. */
export function toWireDateTime(field: string, value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/.test(text)) {
		const [date, time = '00:00:00'] = text.split(' ');
		toWireDate(field, date);
		const [hours, minutes, seconds = 0] = time.split(':').map(Number);
		if (hours > 23 || minutes > 59 || seconds > 59)
			throw new FieldValueError(field, `expects a date and time, not "${text}"`);
		return `${date} ${time.length === 5 ? `${time}:00` : time}`;
	}
	const date = asDate(
		field,
		value,
		'a date and time',
		/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) || !text ? value : `${text}Z`,
	);
	return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 19)}`;
}

export function toWireTime(field: string, value: unknown): string {
	const text = String(value ?? '').trim();
	const plain = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
	if (plain && Number(plain[1]) < 24 && Number(plain[2]) < 60 && Number(plain[3] ?? 0) < 60) {
		return `${pad(Number(plain[1]))}:${plain[2]}:${plain[3] ?? '00'}`;
	}
	if (/T\d{2}:\d{2}/.test(text)) return toWireDateTime(field, value).slice(11);
	throw new FieldValueError(field, `expects a time (HH:MM or HH:MM:SS), not "${text}"`);
}

export function toWireBoolean(field: string, value: unknown): string {
	if (value === true || value === 1) return '1';
	if (value === false || value === 0) return '0';
	const text = String(value ?? '')
		.trim()
		.toLowerCase();
	if (['1', 'true', 'yes', 'on'].includes(text)) return '1';
	if (['0', 'false', 'no', 'off', ''].includes(text)) return '0';
	throw new FieldValueError(field, `expects true or false, not "${String(value)}"`);
}

export function toWireNumber(field: string, value: unknown, integer: boolean): string {
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	const valid = integer ? /^-?\d+$/ : /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
	if (!valid.test(text) || !Number.isFinite(Number(text))) {
		throw new FieldValueError(
			field,
			`expects ${integer ? 'a whole number' : 'a number with "." as the decimal separator'}, not "${String(value)}"`,
		);
	}
	return integer ? text : String(Number(text));
}

export function toWireMultipicklist(value: unknown): string {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).join(MULTIPICKLIST_SEPARATOR);
	return String(value ?? '');
}

const WS_ID = /^\d+x\d+$/;

/** One field's value as Vtiger wants it on write; empty values stay empty (they clear the field). */
export async function toWireValue(
	field: FieldDescription,
	value: unknown,
	owners: Owners,
): Promise<string> {
	if (value === null || value === undefined || value === '') return '';
	switch (field.type.name) {
		case 'boolean':
			return toWireBoolean(field.name, value);
		case 'date':
			return toWireDate(field.name, value);
		case 'datetime':
			return toWireDateTime(field.name, value);
		case 'time':
			return toWireTime(field.name, value);
		case 'integer':
			return toWireNumber(field.name, value, true);
		case 'double':
		case 'currency':
			return toWireNumber(field.name, value, false);
		case 'multipicklist':
			return toWireMultipicklist(value);
		case 'reference': {
			const id = String(value).trim();
			if (!WS_ID.test(id))
				throw new FieldValueError(field.name, `expects a record ID such as 12x34, not "${id}"`);
			return id;
		}
		case 'owner': {
			const given = String(value).trim();
			const id = await owners.resolve(given);
			if (!id) {
				throw new FieldValueError(
					field.name,
					`expects a user (name, e-mail or ID) or a group (name or ID); "${given}" is none of these`,
				);
			}
			return id;
		}
		default:
			return typeof value === 'object' ? JSON.stringify(value) : String(value);
	}
}

/** Picklist values a field accepts, when "Validate Picklist Values" is on. */
export function checkPicklist(field: FieldDescription, wire: string): void {
	const type = field.type.name;
	if ((type !== 'picklist' && type !== 'multipicklist') || wire === '') return;
	const allowed = ((field.type.picklistValues as Array<{ value: string }> | undefined) ?? []).map(
		(p) => p.value,
	);
	if (allowed.length === 0) return;
	const given = type === 'multipicklist' ? wire.split(MULTIPICKLIST_SEPARATOR) : [wire];
	const wrong = given.filter((v) => !allowed.includes(v));
	if (wrong.length > 0) {
		throw new FieldValueError(
			field.name,
			`does not allow ${wrong.map((w) => `"${w}"`).join(', ')}; allowed: ${allowed.join(', ')}`,
		);
	}
}

const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
};
// HTML 4 Latin-1 entity names for U+00A1 to U+00FF, in code point order.
const LATIN1 =
	'iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
LATIN1.split(' ').forEach((name, n) => (NAMED_ENTITIES[name] = String.fromCharCode(0xa1 + n)));
// The other characters of Windows-1252 that PHP's htmlentities names (typographic quotes, dashes, €).
Object.assign(NAMED_ENTITIES, {
	OElig: 'Œ',
	oelig: 'œ',
	Scaron: 'Š',
	scaron: 'š',
	Yuml: 'Ÿ',
	fnof: 'ƒ',
	circ: 'ˆ',
	tilde: '˜',
	ndash: '–',
	mdash: '—',
	lsquo: '‘',
	rsquo: '’',
	sbquo: '‚',
	ldquo: '“',
	rdquo: '”',
	bdquo: '„',
	dagger: '†',
	Dagger: '‡',
	bull: '•',
	hellip: '…',
	permil: '‰',
	euro: '€',
	trade: '™',
});

/** Vtiger HTML-encodes record labels (docs/vtiger-webservice.md#html-entities); field values are never decoded. */
export function decodeLabel(label: string): string {
	return label.replace(/&(#x[0-9a-f]+|#\d+|[a-z0-9]+);/gi, (entity, body: string) => {
		if (body[0] === '#') {
			const code =
				body[1].toLowerCase() === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
			return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
		}
		return NAMED_ENTITIES[body] ?? entity;
	});
}

/** One value as plain JSON: numbers, booleans, null for empty, ISO dates and UTC date-times, arrays for multipicklists. */
export function simplifyValue(type: string | undefined, value: unknown): unknown {
	if (value === null || value === undefined || value === '') return null;
	if (typeof value !== 'string') return value;
	switch (type) {
		case 'integer':
		case 'double':
		case 'currency':
			return Number.isFinite(Number(value)) ? Number(value) : value;
		case 'boolean':
			return value === '1' ? true : value === '0' ? false : value;
		case 'date':
			return value === '0000-00-00' ? null : value;
		case 'datetime':
			return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)
				? `${value.replace(' ', 'T')}Z`
				: value;
		case 'multipicklist':
			return value.split(MULTIPICKLIST_SEPARATOR);
		default:
			return value;
	}
}

export function simplifyRecord(
	record: Record<string, unknown>,
	fields: FieldDescription[],
): Record<string, unknown> {
	const types = new Map(fields.map((f) => [f.name, f.type.name]));
	const simple: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(record)) {
		simple[name] =
			name === 'label' && typeof value === 'string'
				? decodeLabel(value)
				: simplifyValue(types.get(name), value);
	}
	return simple;
}
