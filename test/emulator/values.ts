/**
 * Value storage rules (docs/vtiger-webservice.md#values: what the server stores for a given input) and the
 * output encodings (#json-encoding, #html-entities: raw UTF-8 JSON, HTML-entity-encoded labels).
 */

/** How PHP turns a decoded JSON value into the string it saves (docs/vtiger-webservice.md#sending-values). */
export function phpString(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'boolean') return v ? '1' : '0';
	if (typeof v === 'number') return String(v);
	if (typeof v === 'string') return v;
	if (Array.isArray(v)) return v.map(phpString).join(' |##| ');
	return 'Array';
}

/** MySQL's numeric reading of a string: the leading number, else 0 (docs/vtiger-webservice.md#numbers). */
export function mysqlNumber(s: string): number {
	const m = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(s);
	return m ? Number(m[0]) : 0;
}

const DECIMALS: Record<string, number> = { probability: 3, quantity: 3, qtyinstock: 3 };

function isValidDate(y: number, m: number, d: number): boolean {
	const dt = new Date(Date.UTC(y, m - 1, d));
	return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Stored form of a value for a field type (references and owners are handled by the record
 * layer), as docs/vtiger-webservice.md has them: #booleans, #dates-and-times (leniently, as 8.3.0 does),
 * #numbers, #picklists (multipicklists), #stored-text (text cut to `maxLength`, script tags,
 * non-BMP characters).
 */
/** What the database column adds to a stored value: its varchar length, its numeric scale. */
export interface Column {
	maxLength?: number;
	decimals?: number;
}

export function storeValue(
	fieldName: string,
	typeName: string,
	input: unknown,
	column: Column = {},
): string {
	const maxLength = column.maxLength;
	switch (typeName) {
		case 'boolean':
			return input === true || input === 1 || input === '1' || input === 'on' ? '1' : '0';
		case 'integer': {
			const s = phpString(input);
			return String(Math.round(mysqlNumber(s)));
		}
		case 'double':
		case 'currency': {
			const n = mysqlNumber(phpString(input));
			return n.toFixed(scale(fieldName, typeName, column));
		}
		case 'date':
			return dateInput(phpString(input));
		case 'datetime': {
			const s = phpString(input);
			return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(s) ? s : '';
		}
		default: {
			const text = sanitizeText(phpString(input));
			// MySQL in non-strict mode cuts text to the column length, in characters (docs/vtiger-webservice.md#stored-text).
			return maxLength !== undefined && [...text].length > maxLength
				? [...text].slice(0, maxLength).join('')
				: text;
		}
	}
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** PHP's DateTime reading of a date with spaces ("1 Dec 2026", "2026-12-01 10:00"); undefined when unreadable. */
function phpDateTimeDate(s: string): string | undefined {
	const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T]/.exec(s);
	if (iso) return `${iso[1]}-${iso[2].padStart(2, '0')}-${iso[3].padStart(2, '0')}`;
	const dmy = /^(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?,?\s+(\d{4})$/.exec(s);
	const mdy = /^([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
	const parts = dmy ? [dmy[3], dmy[2], dmy[1]] : mdy ? [mdy[3], mdy[1], mdy[2]] : undefined;
	if (!parts) return undefined;
	const month = MONTHS.indexOf(parts[1].toLowerCase()) + 1;
	if (month === 0) return undefined;
	return `${parts[0]}-${String(month).padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
}

/**
 * What 8.3.0 stores for a date sent over the webservice (user date format yyyy-mm-dd;
 * docs/vtiger-webservice.md#dates-and-times).
 * The value passes DataTransform::sanitizeDateFieldsForInsert (to the display format: split on
 * "-", or PHP's DateTime when it has a space), then getValidDBInsertDateValue (another
 * delimiter "/" or "." becomes "-", a 4-digit first part means y-m-d, else d-m-y, one digit is
 * padded, then a pattern check that empties the rest), then MySQL (an impossible date is
 * 0000-00-00, a 2-digit year is 19xx/20xx).
 */
export function dateInput(raw: string): string {
	let s = raw.trim();
	if (s === '') return '';
	const spaced = s.split(' ');
	if (spaced.length > 1 && spaced[1] !== '') {
		const d = phpDateTimeDate(s);
		if (d === undefined) return '';
		s = d;
	} else {
		const p = s.split('-');
		s = `${p[0]}-${p[1] ?? ''}-${p[2] ?? ''}`;
	}
	for (const delimiter of ['/', '.']) {
		if (s.includes(delimiter)) {
			s = s.split(delimiter).join('-');
			break;
		}
	}
	const parts = s.split('-');
	let [d, m, y] = [parts[0] ?? '', parts[1] ?? '', parts[2] ?? ''];
	if (d.length === 4) [y, m, d] = [parts[0] ?? '', parts[1] ?? '', parts[2] ?? ''];
	const pad = (x: string): string => (x.length === 1 ? `0${x}` : x);
	[y, m, d] = [pad(y), pad(m), pad(d)];
	if (y.length < 4 && (y === '' || m === '' || d === '')) return '';
	const value = `${y}-${m}-${d}`;
	if (!/^[0-9]{2,4}[-][0-1]{1,2}?[0-9]{1,2}[-][0-3]{1,2}?[0-9]{1,2}$/.test(value)) return '';
	let year = Number(y);
	if (y.length === 2) year += year < 70 ? 2000 : 1900;
	const [month, day] = [Number(m), Number(d)];
	if (month === 0 || day === 0)
		return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	return isValidDate(year, month, day)
		? `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
		: '0000-00-00';
}

/** Money columns have 8 decimals; `double` columns their own scale (columns.json; docs/vtiger-webservice.md#numbers). */
function scale(fieldName: string, typeName: string, column: Column): number {
	return (typeName === 'double' ? column.decimals : undefined) ?? DECIMALS[fieldName] ?? 8;
}

function sanitizeText(s: string): string {
	// MySQL utf8 (3 bytes) stores a 4-byte character as one ? per byte (docs/vtiger-webservice.md#stored-text).
	let out = s.replace(/[\u{10000}-\u{10FFFF}]/gu, '????');
	if (/<script\b[^>]*>/i.test(out)) out = out.replace(/</g, '&lt;').replace(/>/g, '&gt;');
	return out;
}

/** Value stored for a field nobody supplied (unset numbers read back as 0, docs/vtiger-webservice.md#numbers). */
export function emptyValue(fieldName: string, typeName: string, column: Column = {}): string {
	switch (typeName) {
		case 'boolean':
			return '0';
		case 'integer':
			return '0';
		case 'double':
		case 'currency':
			return (0).toFixed(scale(fieldName, typeName, column));
		default:
			return '';
	}
}

const NAMED_ENTITIES: Record<number, string> = (() => {
	const latin1 =
		'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(
			' ',
		);
	const map: Record<number, string> = {};
	latin1.forEach((name, i) => (map[160 + i] = name));
	Object.assign(map, {
		338: 'OElig',
		339: 'oelig',
		352: 'Scaron',
		353: 'scaron',
		376: 'Yuml',
		402: 'fnof',
		710: 'circ',
		732: 'tilde',
		8211: 'ndash',
		8212: 'mdash',
		8216: 'lsquo',
		8217: 'rsquo',
		8218: 'sbquo',
		8220: 'ldquo',
		8221: 'rdquo',
		8222: 'bdquo',
		8224: 'dagger',
		8225: 'Dagger',
		8226: 'bull',
		8230: 'hellip',
		8240: 'permil',
		8364: 'euro',
		8482: 'trade',
	});
	return map;
})();

/**
 * PHP htmlentities($s, ENT_QUOTES, 'UTF-8', false), as used for record labels
 * (docs/vtiger-webservice.md#html-entities): an `&` that already starts an entity is kept (observed on 8.3.0: a stored `&lt;script&gt;`
 * stays `&lt;script&gt;` in the label).
 */
export function htmlEntities(s: string): string {
	let out = '';
	let i = 0;
	for (const ch of s) {
		const at = i;
		i += ch.length;
		const cp = ch.codePointAt(0) ?? 0;
		if (ch === '&' && /^&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);/.test(s.slice(at)))
			out += '&';
		else if (ch === '&') out += '&amp;';
		else if (ch === '<') out += '&lt;';
		else if (ch === '>') out += '&gt;';
		else if (ch === '"') out += '&quot;';
		else if (ch === "'") out += '&#039;';
		else if (NAMED_ENTITIES[cp]) out += `&${NAMED_ENTITIES[cp]};`;
		else out += ch;
	}
	return out;
}

/**
 * JSON as PHP's json_encode with JSON_UNESCAPED_UNICODE|JSON_UNESCAPED_SLASHES writes it on 8.3.0
 * (docs/vtiger-webservice.md#json-encoding): raw UTF-8, `/` unescaped, and control characters other than \b\f\n\r\t written raw.
 */
export function encodeJson(value: unknown): string {
	return JSON.stringify(value).replace(
		/(\\*)\\u(00[01][0-9a-f])/g,
		(whole, slashes: string, hex: string) =>
			slashes.length % 2 === 0 ? slashes + String.fromCharCode(parseInt(hex, 16)) : whole,
	);
}

/** Parses `element`-style JSON parameters; a trailing comma is tolerated (docs/vtiger-webservice.md#json-parameters). */
export function parseJsonParam(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		/* fall through */
	}
	let out = '';
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			out += c;
			if (c === '\\') out += text[++i] ?? '';
			else if (c === '"') inString = false;
			continue;
		}
		if (c === '"') inString = true;
		if (c === ',') {
			const rest = text.slice(i + 1).trimStart();
			if (rest.startsWith('}') || rest.startsWith(']')) continue;
		}
		out += c;
	}
	try {
		return { ok: true, value: JSON.parse(out) };
	} catch {
		return { ok: false };
	}
}
