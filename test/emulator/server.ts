/**
 * HTTP front end: only /webservice.php exists (anything else is an Apache 404 page). Parses the
 * request like PHP, serialises requests per session (docs/vtiger-webservice.md#one-request-per-session),
 * applies latency and injected faults, writes JSON exactly as 8.3.0 does (#response-envelope,
 * #json-encoding, #non-json-answers) and logs every request.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { PhpFatal, RESTRICTED_TEXT, RestrictedFile, WsError } from './errors';
import { APACHE_404, Faults, HTML_ERROR_PAGE, PHP_WARNING, type Fault } from './faults';
import { parseBody, parseUrlEncoded, type ParsedParams } from './http-params';
import { OPERATIONS, runOperation, type Backend, type RequestContext } from './operations';
import { KeyedLock } from './sessions';
import { encodeJson } from './values';

export interface LoggedRequest {
	operation: string;
	method: 'GET' | 'POST';
	sessionName?: string;
	success: boolean;
	code?: string | number;
	httpStatus: number;
	at: number;
	/** Requests being processed (inside their session lock) when this one started, itself included. */
	inFlight: number;
}

type Reply =
	| {
			kind: 'json';
			envelope: {
				success: boolean;
				result?: unknown;
				error?: { message: string; code: string | number };
			};
	  }
	| { kind: 'fatal'; contentType?: string }
	| { kind: 'text'; body: string };

const NO_CACHE = {
	'Cache-Control': 'no-store, no-cache, must-revalidate',
	Pragma: 'no-cache',
	Expires: 'Thu, 19 Nov 1981 08:52:00 GMT',
};

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export class WebserviceServer {
	readonly requests: LoggedRequest[] = [];
	latencyMs = 0;
	private processing = 0;
	/** Requests received and not answered yet, and when the last one was answered. */
	private open = 0;
	private lastAnswered = Date.now();
	private countdowns: Array<{ remaining: number; action: () => void }> = [];

	/** Runs `action` once `count` more requests have been answered. */
	afterRequests(count: number, action: () => void): void {
		this.countdowns.push({ remaining: count, action });
	}

	private readonly lock = new KeyedLock();
	private readonly server: http.Server;

	constructor(
		private readonly backend: Backend,
		private readonly faults: Faults,
	) {
		this.server = http.createServer((req, res) => {
			this.open++;
			this.handle(req, res)
				.catch(() => {
					if (!res.headersSent)
						res.writeHead(500, {
							'Content-Type': 'text/html; charset=UTF-8',
							'Content-Length': '0',
						});
					res.end();
				})
				.finally(() => {
					this.open--;
					this.lastAnswered = Date.now();
				});
		});
		this.server.keepAliveTimeout = 1000;
	}

	/** Resolves once no request has been open for `quietMs` (a slow one still running, or one just sent). */
	async settled(quietMs: number): Promise<void> {
		for (;;) {
			const quietFor = Date.now() - this.lastAnswered;
			if (this.open === 0 && quietFor >= quietMs) return;
			await delay(this.open > 0 ? 10 : quietMs - quietFor);
		}
	}

	listen(port: number): Promise<number> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', () =>
				resolve((this.server.address() as AddressInfo).port),
			);
		});
	}

	close(): Promise<void> {
		return new Promise((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const at = Date.now();
		const method: 'GET' | 'POST' = req.method === 'POST' ? 'POST' : 'GET';
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const body = method === 'POST' ? await readBody(req) : Buffer.alloc(0);
		let inFlight = 0;
		const log = (operation: string, status: number, reply?: Reply, sessionName?: string): void => {
			for (const countdown of this.countdowns) if (--countdown.remaining === 0) countdown.action();
			this.countdowns = this.countdowns.filter((c) => c.remaining > 0);
			const env = reply?.kind === 'json' ? reply.envelope : undefined;
			this.requests.push({
				operation,
				method,
				sessionName,
				success: env?.success === true,
				code: env?.error?.code,
				httpStatus: status,
				at,
				inFlight,
			});
		};

		if (url.pathname !== '/webservice.php') {
			await delay(this.latencyMs);
			res.writeHead(404, { 'Content-Type': 'text/html; charset=iso-8859-1' });
			res.end(APACHE_404(url.pathname));
			log('', 404);
			return;
		}

		const query = parseUrlEncoded(url.search.slice(1));
		const parsedBody = method === 'POST' ? parseBody(body, req.headers['content-type']) : undefined;
		const post: ParsedParams | undefined = parsedBody === 'json' ? undefined : parsedBody;
		const operation = (
			post?.values.get('operation') ??
			query.values.get('operation') ??
			''
		).toLowerCase();
		const sessionName = post?.values.get('sessionName') ?? query.values.get('sessionName');
		const def = Object.prototype.hasOwnProperty.call(OPERATIONS, operation)
			? OPERATIONS[operation]
			: undefined;

		// Unknown operation, JSON body, array parameters → HTTP 500 (docs/vtiger-webservice.md#non-json-answers).
		const broken =
			!def ||
			parsedBody === 'json' ||
			query.arrayKeys.length > 0 ||
			(post?.arrayKeys.length ?? 0) > 0;
		const lockKey = sessionName && sessionName !== 'null' ? sessionName : undefined;
		const fault = this.faults.take(operation, lockKey !== undefined);

		const reply = await this.lock.run(lockKey, async (): Promise<Reply> => {
			inFlight = ++this.processing;
			await delay(this.latencyMs).finally(() => this.processing--);
			if (fault?.kind === 'empty-500' || broken) return { kind: 'fatal' };
			if (fault?.kind === 'html-page') return { kind: 'text', body: HTML_ERROR_PAGE };
			if (fault?.kind === 'slow') await delay(fault.delayMs);
			if (fault?.kind === 'kill-session' && lockKey) this.backend.sessions.destroy(lockKey);
			const ctx: RequestContext = {
				method,
				query: query.values,
				body: post?.values ?? new Map(),
				sessionName,
				operationInBody: post?.values.has('operation') ?? false,
				files: post?.files,
			};
			const format = post?.values.get('format') ?? query.values.get('format');
			ctx.badFormat = format !== undefined && format !== 'json';
			if (fault?.kind === 'concurrent-getchallenge') this.competingChallenge(ctx);
			const r = this.execute(ctx, def!);
			// The answer (success or error) cannot be encoded: HTTP 500 after the JSON header
			// (docs/vtiger-webservice.md#format-parameter).
			return ctx.badFormat && r.kind === 'json'
				? { kind: 'fatal', contentType: 'application/json' }
				: r;
		});
		this.write(res, reply, fault);
		log(operation, reply.kind === 'fatal' ? 500 : 200, reply, sessionName);
	}

	private execute(ctx: RequestContext, def: (typeof OPERATIONS)[string]): Reply {
		try {
			const outcome = runOperation(this.backend, def, ctx);
			if (outcome.kind === 'text') return { kind: 'text', body: outcome.body };
			return { kind: 'json', envelope: { success: true, result: outcome.result } };
		} catch (e) {
			if (e instanceof WsError)
				return {
					kind: 'json',
					envelope: { success: false, error: { message: e.message, code: e.code } },
				};
			if (e instanceof PhpFatal) return { kind: 'fatal' };
			if (e instanceof RestrictedFile) return { kind: 'text', body: RESTRICTED_TEXT };
			// An unexpected bug in the emulator: surface it like a PHP fatal error, but loudly.
			console.error('[vtiger-emulator] internal error', e);
			return { kind: 'fatal' };
		}
	}

	/** Another client asks for the same user's challenge token, replacing the one the caller got (docs/vtiger-webservice.md#login-race). */
	private competingChallenge(ctx: RequestContext): void {
		const username = ctx.body.get('username') ?? ctx.query.get('username') ?? '';
		const query = new Map([
			['operation', 'getchallenge'],
			['username', username],
		]);
		this.execute(
			{ method: 'GET', query, body: new Map(), operationInBody: false },
			OPERATIONS.getchallenge,
		);
	}

	private write(res: http.ServerResponse, reply: Reply, fault: Fault | undefined): void {
		if (reply.kind === 'fatal') {
			res.writeHead(500, {
				...NO_CACHE,
				'Content-Type': reply.contentType ?? 'text/html; charset=UTF-8',
				'Content-Length': '0',
				Connection: 'close',
			});
			res.end();
			return;
		}
		if (reply.kind === 'text') {
			res.writeHead(200, { ...NO_CACHE, 'Content-Type': 'text/html; charset=UTF-8' });
			res.end(reply.body);
			return;
		}
		let text = encodeJson(reply.envelope);
		if (fault?.kind === 'php-warning') text = PHP_WARNING + text;
		if (fault?.kind === 'invalid-json')
			text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
		res.writeHead(200, { ...NO_CACHE, 'Content-Type': 'application/json' });
		res.end(text);
	}
}
