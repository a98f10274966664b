/** One-shot transport faults injected by tests (the non-JSON failure modes of ref 2.6). */
export type FaultKind = 'php-warning' | 'html-page' | 'empty-500' | 'invalid-json';

export interface FaultSpec {
	operation?: string;
	kind: FaultKind;
	times?: number;
}

interface PendingFault {
	operation?: string;
	kind: FaultKind;
	remaining: number;
}

export class Faults {
	private readonly pending: PendingFault[] = [];

	add(f: FaultSpec): void {
		const times = f.times ?? 1;
		if (times > 0) this.pending.push({ operation: f.operation?.toLowerCase(), kind: f.kind, remaining: times });
	}

	/** Takes the first fault matching this operation (a fault without operation matches all). */
	take(operation: string): FaultKind | undefined {
		const i = this.pending.findIndex((f) => f.operation === undefined || f.operation === operation);
		if (i < 0) return undefined;
		const f = this.pending[i];
		if (--f.remaining <= 0) this.pending.splice(i, 1);
		return f.kind;
	}

	clear(): void {
		this.pending.length = 0;
	}
}

export const PHP_WARNING =
	'<br />\n<b>Warning</b>:  Undefined array key "crmid" in <b>/var/www/html/include/Webservices/DataTransform.php</b> on line <b>12</b><br />\n';

export const HTML_ERROR_PAGE = `<!DOCTYPE html>
<html><head><title>Error</title></head>
<body><h1>Internal error</h1><p>The CRM encountered an unexpected condition. Please try again later.</p>
<hr><address>Apache/2.4.62 (Debian) Server at 127.0.0.1 Port 80</address></body></html>
`;

export const APACHE_404 = (path: string): string => `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>404 Not Found</title>
</head><body>
<h1>Not Found</h1>
<p>The requested URL ${path.replace(/[<>&"]/g, '')} was not found on this server.</p>
<hr>
<address>Apache/2.4.62 (Debian) Server at 127.0.0.1 Port 80</address>
</body></html>
`;
