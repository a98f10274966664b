/**
 * Turns an answer into something two servers can be compared on: the HTTP status, the
 * Content-Type and the JSON body with the values that differ by nature masked, formats kept.
 *
 * - ws ids `12x34`: a fixture's id becomes `<@name>`, any other `<id:Module>` (the module of the
 *   prefix on that server; prefixes differ between installs and the emulator shuffles them);
 *   `12x03` stays visibly different (`<id:Module:leading-zero>`);
 * - timestamps `YYYY-MM-DD HH:MM:SS` become `<datetime>`; dates, times and decimals stay literal;
 * - record numbers (`CON12`) become `CON<n>`; the run's tag becomes `TAG`;
 * - challenge tokens, session names and epoch times become their format (`<hex13>`, `<epoch>`).
 */
import type { Answer } from './client';

export interface Masks {
	/** ws id → fixture name. */
	names: Map<string, string>;
	/** id prefix → module name. */
	modules: Map<string, string>;
	tag: string;
}

export type Normalized = {
	http: number;
	type: string;
	json?: unknown;
	body?: string;
	note?: string;
};

const RECORD_NUMBER =
	/^(ACC|CON|LEA|POT|TT|CAM|VEN|FAQ|QUO|PO|SO|INV|PB|PRO|DOC|SERCON|SER|ASSET|PROJ|PT|PM)\d+$/;
const EPOCH_KEYS = new Set(['serverTime', 'expireTime', 'lastModifiedTime']);

function hexShape(s: string): string {
	return /^[0-9a-f]+$/.test(s) ? `<hex${s.length}>` : `<text${s.length}>`;
}

export function maskString(s: string, m: Masks): string {
	const named = m.names.get(s);
	if (named) return `<@${named}>`;
	const id = /^(\d+)x(\d+)$/.exec(s);
	if (id) {
		const module = m.modules.get(id[1]) ?? `?${id[1]}`;
		return id[2].startsWith('0') && id[2] !== '0'
			? `<id:${module}:leading-zero>`
			: `<id:${module}>`;
	}
	if (/^\d+x\d+(,\d+x\d+)+$/.test(s))
		return s
			.split(',')
			.map((p) => maskString(p, m))
			.join(',');
	if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(s) && !s.startsWith('0000')) return '<datetime>';
	const out = m.tag ? s.split(m.tag).join('TAG') : s;
	const rn = RECORD_NUMBER.exec(out);
	if (rn) return `${rn[1]}<n>`;
	return out;
}

export function maskValue(v: unknown, m: Masks, key = ''): unknown {
	if (key === 'token' && typeof v === 'string') return hexShape(v);
	if (key === 'sessionName' && typeof v === 'string')
		return m.names.get(v)
			? `<@${m.names.get(v)}>`
			: /^[0-9a-f]{14,21}$/.test(v)
				? '<session>'
				: hexShape(v);
	if (EPOCH_KEYS.has(key) && typeof v === 'number') return '<epoch>';
	if (key === 'idPrefix' && typeof v === 'string') return /^\d+$/.test(v) ? '<prefix>' : v;
	if (key === 'filecontents' && typeof v === 'string') return `<base64:${v.length}>`;
	if (typeof v === 'string') return maskString(v, m);
	if (Array.isArray(v)) return v.map((x) => maskValue(x, m));
	if (v && typeof v === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, x] of Object.entries(v)) out[maskString(k, m)] = maskValue(x, m, k);
		return out;
	}
	return v;
}

export function normalize(a: Answer, m: Masks): Normalized {
	const n: Normalized = { http: a.status, type: a.type };
	if (a.json !== undefined) n.json = maskValue(a.json, m);
	else n.body = a.text.length > 300 ? `${a.text.slice(0, 300)}…` : a.text;
	if (a.note) n.note = a.note;
	return n;
}

export interface Difference {
	path: string;
	emulator: unknown;
	real: unknown;
}

const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Structural difference: object keys as sets (key order is not meaningful, docs/vtiger-webservice.md#response-envelope), arrays by position. */
export function diff(a: unknown, b: unknown, path = '', out: Difference[] = []): Difference[] {
	if (kind(a) !== kind(b)) {
		out.push({ path, emulator: a, real: b });
		return out;
	}
	if (Array.isArray(a) && Array.isArray(b)) {
		if (a.length !== b.length)
			out.push({ path: `${path}.length`, emulator: a.length, real: b.length });
		for (let i = 0; i < Math.min(a.length, b.length); i++) diff(a[i], b[i], `${path}[${i}]`, out);
		return out;
	}
	if (a && b && typeof a === 'object' && typeof b === 'object') {
		const ao = a as Record<string, unknown>;
		const bo = b as Record<string, unknown>;
		for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
			const p = path ? `${path}.${k}` : k;
			if (!(k in ao)) out.push({ path: p, emulator: '(absent)', real: bo[k] });
			else if (!(k in bo)) out.push({ path: p, emulator: ao[k], real: '(absent)' });
			else diff(ao[k], bo[k], p, out);
		}
		return out;
	}
	if (a !== b) out.push({ path, emulator: a, real: b });
	return out;
}

export function short(v: unknown): string {
	const s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
	return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}
