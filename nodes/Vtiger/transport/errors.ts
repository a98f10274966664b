import type { VtigerReply } from './response';

/** Session-class codes: the session is gone, log in again and retry once (docs/vtiger-webservice.md#session-errors). */
export const SESSION_ERROR_CODES = new Set<string | number>([
	'INVALID_SESSIONID',
	'SESSION_EXPIRED',
	'SESSION_LEFT_IDLE',
	'AUTHENTICATION_REQUIRED',
]);

/** Operations that always end in HTTP 500 on Vtiger 8.x under PHP 8 (docs/vtiger-webservice.md#broken-on-php-8). */
export const OPERATIONS_BROKEN_ON_PHP8: Record<string, string> = {
	sync: 'Vtiger 8.x on PHP 8 cannot run "sync" (a known server defect).',
	logout:
		'Vtiger 8.x on PHP 8 cannot end a session over the API (a known server defect); the session stays valid.',
	convertlead:
		'Vtiger 8.x on PHP 8 cannot convert leads over the API (a known server defect); nothing was converted.',
	files_retrieve: 'Vtiger 8.x on PHP 8 cannot download files over the API (a known server defect).',
	retrieve_inventory:
		'Vtiger 8.x on PHP 8 cannot run "retrieve_inventory" (a known server defect); use Get instead.',
};

/**
 * A user Vtiger lets use no module over its webservice (listtypes holds only Groups, Currency, Tax
 * and the like). On 8.3.0 that is every user who is not an admin (a defect of that release).
 * The one place that says what to do about it.
 */
export function explainNoModules(username: string, vtigerVersion: string): ErrorText {
	return {
		message:
			vtigerVersion === '8.3.0'
				? `This Vtiger denies the user "${username}" every module over its webservice (a defect of Vtiger 8.3.0 for every user who is not an administrator): use an administrator user in the credential, or give the profile of this user's role the global "View all" or "Edit all" privilege (Settings > Profiles)`
				: `Vtiger lets the user "${username}" use no module over its webservice: give the user a role whose profile permits modules, or use an administrator user in the credential`,
		description: `Vtiger lists only non-record types such as Groups, Currency and Tax for "${username}", and answers "Permission to perform the operation is denied" for every module.`,
	};
}

const WRITE_OPERATIONS = new Set([
	'create',
	'update',
	'revise',
	'delete',
	'add_related',
	'convertlead',
]);

export interface ErrorText {
	message: string;
	description?: string;
}

/** A session-class failure that came back after the node had logged in again and repeated the request once. */
export function explainSessionLostAgain(
	operation: string,
	code: string | number,
	vtigerMessage: string,
): ErrorText {
	return {
		message: 'Vtiger rejected a brand-new session: the request was not run',
		description: `The node logged in again and repeated "${operation}" once, and Vtiger rejected that session too. Something on the server ends sessions at once: check its PHP session storage (session.save_path writable and not full). Vtiger said: "${vtigerMessage}" (code ${code}, operation ${operation})`,
	};
}

/** A clear sentence for an answer that is not Vtiger JSON at all. */
export function explainNotJson(
	operation: string,
	reply: Extract<VtigerReply, { kind: 'notJson' }>,
): ErrorText {
	const broken = OPERATIONS_BROKEN_ON_PHP8[operation];
	const body = reply.isEmpty
		? 'an empty body'
		: reply.isHtml
			? 'an HTML page'
			: 'a body that is not JSON';
	const seen = `The server answered "${operation}" with HTTP ${reply.httpStatus} and ${body}${
		reply.isEmpty ? '' : `: ${reply.bodyStart}`
	}`;
	if (broken && reply.httpStatus >= 500) {
		return { message: broken, description: seen };
	}
	const saved = WRITE_OPERATIONS.has(operation)
		? ' The change may have been saved: check the record before trying again.'
		: '';
	if (reply.isHtml || reply.httpStatus === 404) {
		return {
			message: `The server did not answer like Vtiger's webservice (HTTP ${reply.httpStatus}, ${body})`,
			description: `Check the CRM URL in the credential: it must be the address of a Vtiger CRM.${saved} ${seen}`,
		};
	}
	if (reply.httpStatus >= 500) {
		return {
			message: `Vtiger failed with a server error (HTTP ${reply.httpStatus}, ${body}) while running "${operation}"`,
			description: `${seen}. This is a PHP error on the server; its error log says more.${saved}`,
		};
	}
	return {
		message: `Vtiger's answer to "${operation}" could not be read (${body})`,
		description: `${seen}.${saved}`,
	};
}

/** Node error codes of requests that got no HTTP answer at all. */
const NETWORK_FAILURES: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ECONNRESET: 'the connection was closed unexpectedly',
	ECONNABORTED: 'the connection was aborted',
	ETIMEDOUT: 'the connection timed out',
	EHOSTUNREACH: 'the host is unreachable',
	ENETUNREACH: 'the network is unreachable',
	ENOTFOUND: 'the host name was not found (DNS)',
	EAI_AGAIN: 'the host name could not be looked up (DNS)',
};

/** Failures after which the server may have received the request and run it. */
const MAYBE_RAN = new Set(['ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT']);

export interface RequestSituation {
	operation?: string;
	/** The timeout the request ran with, to tell a timeout from other aborts. */
	timeoutMs?: number;
}

/** For writes the server may have run: what may have happened, as a clause, else ''. */
const mayHaveRun = (operation: string | undefined) =>
	!operation || !WRITE_OPERATIONS.has(operation)
		? ''
		: operation === 'create'
			? 'the record may have been created all the same'
			: 'the change may have been saved all the same';

const checkFirst = (operation: string | undefined) =>
	mayHaveRun(operation)
		? ` Vtiger may have run "${operation}": check in the CRM before running the item again (the node does not send it again).`
		: '';

/** A clear sentence for a request that got no HTTP answer at all. */
export function explainNetworkError(
	error: unknown,
	url: string,
	situation: RequestSituation = {},
): ErrorText {
	// n8n wraps the socket error (NodeApiError around an AxiosError around a system error): read them all.
	const chain: Array<{ code?: unknown; httpCode?: unknown; message?: unknown; cause?: unknown }> =
		[];
	for (
		let e = error as (typeof chain)[number] | undefined;
		e && chain.length < 5;
		e = e.cause as typeof e
	)
		chain.push(e);
	const code =
		chain
			.map((e) => [e.code, e.httpCode])
			.flat()
			.find((c): c is string => typeof c === 'string' && /^E[A-Z_]+$|CERT|SSL/.test(c)) ?? '';
	const messages = chain.map((e) => String(e.message ?? '')).join(' ');
	const innermost = String(chain.at(-1)?.message ?? error);
	const { operation, timeoutMs } = situation;
	const host = (() => {
		try {
			return new URL(url).host;
		} catch {
			return url;
		}
	})();
	// The host name is left out: a host such as crm.certainty.example names no TLS problem.
	if (
		/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO/i.test(
			`${code} ${messages.split(host.replace(/:\d+$/, '')).join('')}`,
		)
	) {
		return {
			message: `The TLS (https) connection to ${host} failed: ${code || innermost}`,
			description:
				'The server certificate is not trusted. Fix the certificate, or turn on "Ignore SSL Issues" in the credential if you trust this server.',
		};
	}
	if (
		timeoutMs !== undefined &&
		(/timeout of \d+ms exceeded/.test(messages) ||
			(code === 'ECONNABORTED' && /timeout/i.test(messages)))
	) {
		const seconds = Math.round(timeoutMs / 100) / 10;
		const maybe = mayHaveRun(operation);
		return {
			message: `The Vtiger server at ${host} did not answer${operation ? ` "${operation}"` : ''} within ${seconds} s${maybe ? `; ${maybe}` : ''}`,
			description: `If the server is just slow, raise "Timeout (Seconds)" in the credential (now ${seconds}).${checkFirst(operation)}`,
		};
	}
	// n8n replaces messages that contain a Node error code, so the code goes into the description.
	const reason = NETWORK_FAILURES[code];
	if (reason) {
		return {
			message: `Cannot reach the Vtiger server at ${host}: ${reason}`,
			description: `Check the CRM URL in the credential and that the server is up and reachable from n8n (${code}).${
				MAYBE_RAN.has(code) ? checkFirst(operation) : ''
			}`,
		};
	}
	return {
		message: `The request to ${host} failed: ${innermost}`,
		description: `Check the CRM URL and the network.${checkFirst(operation)}`,
	};
}
