/**
 * Request parameter parsing as PHP does it: query string into $_GET, urlencoded or multipart
 * bodies into $_POST (JSON bodies are not parsed, docs/vtiger-webservice.md#json-parameters). Later duplicates
 * win, like PHP.
 */
export interface UploadedFile {
	filename: string;
	contentType: string;
	data: Buffer;
}

export interface ParsedParams {
	values: Map<string, string>;
	files: Map<string, UploadedFile>;
	/** Names that PHP would turn into arrays (`id[]=…`, `a[b]=…`). */
	arrayKeys: string[];
}

const empty = (): ParsedParams => ({ values: new Map(), files: new Map(), arrayKeys: [] });

export function parseUrlEncoded(text: string): ParsedParams {
	const out = empty();
	for (const [k, v] of new URLSearchParams(text)) {
		if (k.includes('[')) out.arrayKeys.push(k);
		else out.values.set(k, v);
	}
	return out;
}

/** Minimal multipart/form-data parser: text fields as strings, file parts kept as Buffers. */
export function parseMultipart(body: Buffer, contentType: string): ParsedParams {
	const out = empty();
	const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!m) return out;
	const delimiter = Buffer.from(`--${m[1] ?? m[2]}`);
	let pos = body.indexOf(delimiter);
	while (pos >= 0) {
		let start = pos + delimiter.length;
		if (body.subarray(start, start + 2).toString() === '--') break;
		if (body.subarray(start, start + 2).toString() === '\r\n') start += 2;
		const next = body.indexOf(delimiter, start);
		if (next < 0) break;
		let part = body.subarray(start, next);
		if (part.subarray(part.length - 2).toString() === '\r\n')
			part = part.subarray(0, part.length - 2);
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd >= 0) {
			const headers = part.subarray(0, headerEnd).toString('utf8');
			const data = part.subarray(headerEnd + 4);
			const name = /name="([^"]*)"/i.exec(headers)?.[1];
			const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
			const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream';
			if (name !== undefined) {
				if (name.includes('[')) out.arrayKeys.push(name);
				else if (filename !== undefined)
					out.files.set(name, { filename, contentType: type, data: Buffer.from(data) });
				else out.values.set(name, data.toString('utf8'));
			}
		}
		pos = next;
	}
	return out;
}

export function parseBody(body: Buffer, contentType: string | undefined): ParsedParams | 'json' {
	const ct = (contentType ?? '').toLowerCase();
	if (ct.startsWith('application/x-www-form-urlencoded'))
		return parseUrlEncoded(body.toString('utf8'));
	if (ct.startsWith('multipart/form-data')) return parseMultipart(body, contentType ?? '');
	if (ct.includes('json')) return 'json';
	return empty();
}
