/** What one HTTP answer of webservice.php meant. */
export type VtigerReply =
	| { kind: 'success'; result: unknown }
	| { kind: 'failure'; code: string | number; message: string }
	| { kind: 'notJson'; httpStatus: number; bodyStart: string; isHtml: boolean; isEmpty: boolean };

export interface RawHttpResponse {
	statusCode: number;
	body: unknown;
}

// Raw control characters inside stored values make Vtiger's JSON invalid (docs/vtiger-webservice.md#json-encoding).
const INVALID_JSON_CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function bodyAsText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return JSON.stringify(body);
}

function envelopeFrom(value: unknown): VtigerReply | undefined {
	if (
		typeof value !== 'object' ||
		value === null ||
		typeof (value as { success?: unknown }).success !== 'boolean'
	) {
		return undefined;
	}
	const envelope = value as {
		success: boolean;
		result?: unknown;
		error?: { code?: unknown; message?: unknown };
	};
	if (envelope.success) return { kind: 'success', result: envelope.result };
	const code = envelope.error?.code;
	return {
		kind: 'failure',
		code: typeof code === 'number' || typeof code === 'string' ? code : 'UNKNOWN',
		message: typeof envelope.error?.message === 'string' ? envelope.error.message : '',
	};
}

/**
 * Reads Vtiger's `{success, result|error}` envelope. PHP warnings or notices printed before the
 * JSON are skipped; anything that is not such an envelope is reported as `notJson`.
 */
export function parseReply(response: RawHttpResponse): VtigerReply {
	const text = bodyAsText(response.body);
	if (
		typeof response.body === 'object' &&
		response.body !== null &&
		!Buffer.isBuffer(response.body)
	) {
		const direct = envelopeFrom(response.body);
		if (direct) return direct;
	}
	const start = text.search(/\{\s*"success"\s*:/);
	if (start >= 0) {
		try {
			const parsed = envelopeFrom(
				JSON.parse(text.slice(start).replace(INVALID_JSON_CONTROL_CHARS, '')),
			);
			if (parsed) return parsed;
		} catch {
			// falls through to the not-JSON report below
		}
	}
	const trimmed = text.trim();
	return {
		kind: 'notJson',
		httpStatus: response.statusCode,
		bodyStart: trimmed.replace(/\s+/g, ' ').slice(0, 200),
		isHtml:
			/^<(!doctype|html|head|body|br|b|p|h1|div)\b/i.test(trimmed) ||
			/<\/(html|body)>/i.test(trimmed),
		isEmpty: trimmed === '',
	};
}
