import { randomBytes } from 'crypto';
import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * Vtiger reads the parameters of read operations only from the query string and those of write
 * operations only from a form-encoded body (docs/vtiger-webservice.md#parameter-locations). Anything not listed is a write.
 */
const GET_OPERATIONS = new Set([
	'getchallenge',
	'listtypes',
	'describe',
	'retrieve',
	'query',
	'sync',
	'retrieve_inventory',
	'relatedtypes',
	'retrieve_related',
	'query_related',
	'files_retrieve',
]);

/** A file sent as a part of a multipart POST (Documents uploads, docs/vtiger-webservice.md#document-upload). */
export interface FilePart {
	fileName: string;
	mimeType: string;
	data: Buffer;
}

export type WireParams = Record<string, string | FilePart>;

const isFile = (value: string | FilePart): value is FilePart => typeof value !== 'string';

/** A part header value cannot hold quotes or line breaks. */
const headerSafe = (text: string) => text.replace(/["\r\n]/g, '_');

function multipartBody(fields: WireParams): { body: Buffer; contentType: string } {
	const boundary = `----VtigerN8n${randomBytes(16).toString('hex')}`;
	const chunks: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		const disposition = `--${boundary}\r\nContent-Disposition: form-data; name="${headerSafe(name)}"`;
		if (isFile(value)) {
			chunks.push(
				Buffer.from(
					`${disposition}; filename="${headerSafe(value.fileName)}"\r\nContent-Type: ${headerSafe(value.mimeType)}\r\n\r\n`,
				),
				value.data,
				Buffer.from('\r\n'),
			);
		} else chunks.push(Buffer.from(`${disposition}\r\n\r\n${value}\r\n`));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function httpMethodOf(operation: string): 'GET' | 'POST' {
	return GET_OPERATIONS.has(operation.toLowerCase()) ? 'GET' : 'POST';
}

/** The HTTP request for one operation; `url` is the webservice.php address or a path under a baseURL. */
export function buildRequest(
	url: string,
	operation: string,
	params: WireParams,
	method: 'GET' | 'POST' = httpMethodOf(operation),
): IHttpRequestOptions {
	const fields = { operation, ...params };
	const common = {
		url,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		encoding: 'text' as const,
		json: false,
	};
	if (Object.values(fields).some(isFile)) {
		const { body, contentType } = multipartBody(fields);
		return { ...common, method: 'POST', headers: { 'Content-Type': contentType }, body };
	}
	const text = fields as Record<string, string>;
	if (method === 'GET') {
		return { ...common, method: 'GET', qs: text };
	}
	return {
		...common,
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(text).toString(),
	};
}
