import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * Vtiger reads the parameters of read operations only from the query string and those of write
 * operations only from a form-encoded body (reference 2.1, 3.1). Anything not listed is a write.
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

export type WireParams = Record<string, string>;

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
	if (method === 'GET') {
		return { ...common, method: 'GET', qs: fields };
	}
	return {
		...common,
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString(),
	};
}
