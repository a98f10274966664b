/**
 * Transport faults injected by tests (the non-JSON failure modes of docs/vtiger-webservice.md#non-json-answers,
 * slow servers, lost sessions, a competing login), one-shot or at random with a fixed seed.
 *
 * What the server did before answering, per kind:
 * - nothing saved: `empty-500` and `html-page` answer before the operation runs; `kill-session`
 *   ends the request's session first, so the operation answers INVALID_SESSIONID (only on
 *   requests that carry a session);
 * - saved: `php-warning` and `invalid-json` run the operation and mangle the answer; `slow` runs
 *   it after `delayMs` (also when the client has given up by then);
 * - `concurrent-getchallenge` (for `login`): another client's getchallenge replaces the user's
 *   one challenge token just before the login runs (docs/vtiger-webservice.md#login-race), as a second n8n process would.
 */
import { seededRandom } from './random';
export type FaultKind =
	| 'php-warning'
	| 'html-page'
	| 'empty-500'
	| 'invalid-json'
	| 'slow'
	| 'kill-session'
	| 'concurrent-getchallenge';

export interface FaultSpec {
	operation?: string;
	kind: FaultKind;
	times?: number;
	/** For `slow`: how long the server takes before it runs the operation. */
	delayMs?: number;
}

export interface Fault {
	kind: FaultKind;
	delayMs: number;
}

/** Random faults: each request fails with probability `rate`, the kind picked from `kinds`, repeatable by `seed`. */
export interface RandomFaults {
	rate: number;
	seed: number;
	kinds: FaultKind[];
}

interface PendingFault extends Fault {
	operation?: string;
	remaining: number;
}

export class Faults {
	private readonly pending: PendingFault[] = [];
	private random?: { rate: number; kinds: FaultKind[]; next: () => number };
	/** Every random fault injected, in order (for tests that count them). */
	readonly injected: Array<{ operation: string; kind: FaultKind }> = [];

	add(f: FaultSpec): void {
		const times = f.times ?? 1;
		if (times > 0) {
			this.pending.push({
				operation: f.operation?.toLowerCase(),
				kind: f.kind,
				delayMs: f.delayMs ?? 0,
				remaining: times,
			});
		}
	}

	setRandom(r: RandomFaults | undefined): void {
		this.random = r && { rate: r.rate, kinds: r.kinds, next: seededRandom(r.seed) };
	}

	/** The first one-shot fault matching this operation (one without operation matches all), else maybe a random one. */
	take(operation: string, hasSession: boolean): Fault | undefined {
		const i = this.pending.findIndex((f) => f.operation === undefined || f.operation === operation);
		if (i >= 0) {
			const f = this.pending[i];
			if (--f.remaining <= 0) this.pending.splice(i, 1);
			return { kind: f.kind, delayMs: f.delayMs };
		}
		if (!this.random || this.random.next() >= this.random.rate) return undefined;
		const kind = this.random.kinds[Math.floor(this.random.next() * this.random.kinds.length)];
		if (kind === 'kill-session' && !hasSession) return undefined;
		this.injected.push({ operation, kind });
		return { kind, delayMs: 0 };
	}

	clear(): void {
		this.pending.length = 0;
		this.random = undefined;
	}
}

export const PHP_WARNING =
	'<br />\n<b>Warning</b>:  Undefined array key "crmid" in <b>/var/www/html/include/Webservices/DataTransform.php</b> on line <b>12</b><br />\n';

export const HTML_ERROR_PAGE = `<!DOCTYPE html>
<html><head><title>Error</title></head>
<body><h1>Internal error</h1><p>The CRM encountered an unexpected condition. Please try again later.</p>
<hr><address>Apache/2.4.62 (Debian) Server at 127.0.0.1 Port 80</address></body></html>
`;

export const APACHE_404 = (
	path: string,
): string => `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>404 Not Found</title>
</head><body>
<h1>Not Found</h1>
<p>The requested URL ${path.replace(/[<>&"]/g, '')} was not found on this server.</p>
<hr>
<address>Apache/2.4.62 (Debian) Server at 127.0.0.1 Port 80</address>
</body></html>
`;
