/**
 * A tiny raw client for webservice.php: GET with a query string, POST with a form-encoded (or
 * multipart / JSON) body, getchallenge + login with md5(token + accessKey). No retries, no
 * interpretation: every answer is kept as it came (status, Content-Type, text, parsed JSON).
 */
import { createHash } from 'crypto';

export type Params = Record<string, string>;

export interface Answer {
	status: number;
	type: string;
	text: string;
	/** The parsed body, when it is JSON (after escaping raw control characters, see `note`). */
	json?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
	/** Set when the body was only parseable after escaping raw control characters (docs/vtiger-webservice.md#json-encoding). */
	note?: 'raw-control-characters';
}

export interface Session {
	sessionName: string;
	userId: string;
	login: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export const md5 = (s: string): string => createHash('md5').update(s, 'utf8').digest('hex');

export interface PostOptions {
	/** Parameters put in the URL query string of the POST. */
	query?: Params;
	/** File parts (multipart/form-data instead of urlencoded). */
	files?: Array<{ part: string; fileName: string; type: string; data: Buffer }>;
	/** Send this text as an application/json body instead of the form. */
	jsonBody?: string;
}

const CONTROL = /[\u0000-\u001f]/g;

function parse(status: number, type: string, text: string): Answer {
	const a: Answer = { status, type, text };
	if (!type.includes('json') && !text.startsWith('{')) return a;
	try {
		a.json = JSON.parse(text);
	} catch {
		try {
			a.json = JSON.parse(
				text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
			);
			a.note = 'raw-control-characters';
		} catch {
			/* not JSON */
		}
	}
	return a;
}

export class WsClient {
	constructor(readonly baseUrl: string) {}

	get endpoint(): string {
		return `${this.baseUrl.replace(/\/+$/, '')}/webservice.php`;
	}

	async get(params: Params): Promise<Answer> {
		const qs = new URLSearchParams(params).toString();
		const r = await fetch(qs ? `${this.endpoint}?${qs}` : this.endpoint, { redirect: 'manual' });
		return parse(r.status, r.headers.get('content-type') ?? '', await r.text());
	}

	/** GET with a hand-made query string (for `id[]=…` and similar). */
	async getRaw(queryString: string): Promise<Answer> {
		const r = await fetch(`${this.endpoint}?${queryString}`, { redirect: 'manual' });
		return parse(r.status, r.headers.get('content-type') ?? '', await r.text());
	}

	async post(params: Params, options: PostOptions = {}): Promise<Answer> {
		const qs = options.query ? `?${new URLSearchParams(options.query)}` : '';
		let body: string | FormData;
		const headers: Record<string, string> = {};
		if (options.jsonBody !== undefined) {
			body = options.jsonBody;
			headers['content-type'] = 'application/json';
		} else if (options.files) {
			const form = new FormData();
			for (const [k, v] of Object.entries(params)) form.append(k, v);
			for (const f of options.files)
				form.append(f.part, new Blob([f.data], { type: f.type }), f.fileName);
			body = form;
		} else {
			body = new URLSearchParams(params).toString();
			headers['content-type'] = 'application/x-www-form-urlencoded';
		}
		const r = await fetch(this.endpoint + qs, {
			method: 'POST',
			body,
			headers,
			redirect: 'manual',
		});
		return parse(r.status, r.headers.get('content-type') ?? '', await r.text());
	}

	async challenge(username: string): Promise<Answer> {
		return this.get({ operation: 'getchallenge', username });
	}

	/** getchallenge + login; throws when either fails. */
	async login(username: string, accessKey: string): Promise<Session> {
		const ch = await this.challenge(username);
		if (ch.json?.success !== true)
			throw new Error(`getchallenge for ${username} failed: ${ch.status} ${ch.text.slice(0, 200)}`);
		const r = await this.post({
			operation: 'login',
			username,
			accessKey: md5(String(ch.json.result.token) + accessKey),
		});
		if (r.json?.success !== true)
			throw new Error(`login of ${username} failed: ${r.status} ${r.text.slice(0, 200)}`);
		return {
			sessionName: r.json.result.sessionName,
			userId: r.json.result.userId,
			login: r.json.result,
		};
	}
}
