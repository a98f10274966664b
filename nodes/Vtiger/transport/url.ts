/** A CRM URL a user typed that cannot be used; the message says why. */
export class CrmUrlError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CrmUrlError';
	}
}

/**
 * Turns what a user types as "CRM URL" into the CRM's base URL (no trailing slash).
 * `crm.example.com`, `https://crm.example.com/`, `.../webservice.php` and `.../index.php` all
 * give `https://crm.example.com`; a sub-folder install keeps its path.
 */
export function normaliseCrmUrl(input: string): string {
	const trimmed = (input ?? '').trim();
	if (trimmed === '') {
		throw new CrmUrlError(
			'The CRM URL is empty. Enter the address of your Vtiger CRM, e.g. https://crm.example.com',
		);
	}
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
	if (!URL.canParse(withScheme)) {
		throw new CrmUrlError(
			`The CRM URL "${trimmed}" is not a valid address. Use the form https://crm.example.com`,
		);
	}
	const parsed = new URL(withScheme);
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		throw new CrmUrlError(
			`The CRM URL must start with http:// or https://, not ${parsed.protocol}//`,
		);
	}
	if (parsed.username || parsed.password) {
		throw new CrmUrlError(
			'The CRM URL must not contain a user name or password. Put the user name and the access key in their own fields.',
		);
	}
	if (parsed.search || parsed.hash) {
		throw new CrmUrlError(
			'The CRM URL must not contain a query string (?...) or a fragment (#...). Enter only the address of the CRM, e.g. https://crm.example.com',
		);
	}
	const path = parsed.pathname.replace(/\/+$/, '').replace(/\/(webservice|index)\.php$/i, '');
	return `${parsed.protocol}//${parsed.host}${path.replace(/\/+$/, '')}`;
}

/** The webservice.php address of a CRM URL, or the reason it cannot be used. */
export function webserviceUrl(crmUrl: string): string | CrmUrlError {
	try {
		return `${normaliseCrmUrl(crmUrl)}/webservice.php`;
	} catch (error) {
		return error as CrmUrlError;
	}
}
