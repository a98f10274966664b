import { CrmUrlError, normaliseCrmUrl, webserviceUrl } from '../../nodes/Vtiger/transport/url';

describe('normaliseCrmUrl', () => {
	// docs/vtiger-webservice.md#parameter-locations: BASE/webservice.php is the only URL; BASE may be a sub-folder install.
	test.each([
		['https://crm.example.com', 'https://crm.example.com'],
		['https://crm.example.com/', 'https://crm.example.com'],
		['crm.example.com', 'https://crm.example.com'],
		['  crm.example.com/  ', 'https://crm.example.com'],
		['http://crm.example.com', 'http://crm.example.com'],
		['https://crm.example.com/webservice.php', 'https://crm.example.com'],
		['https://crm.example.com/index.php', 'https://crm.example.com'],
		['https://crm.example.com/index.php/', 'https://crm.example.com'],
		['https://crm.example.com/WebService.PHP', 'https://crm.example.com'],
		['https://crm.example.com//', 'https://crm.example.com'],
		['https://example.com/vtigercrm', 'https://example.com/vtigercrm'],
		['https://example.com/vtigercrm/', 'https://example.com/vtigercrm'],
		['https://example.com/vtigercrm/webservice.php', 'https://example.com/vtigercrm'],
		['https://example.com/vtigercrm//index.php', 'https://example.com/vtigercrm'],
		['https://example.com/a/b/c/', 'https://example.com/a/b/c'],
		['https://example.com/webservice.php/crm', 'https://example.com/webservice.php/crm'],
		['HTTPS://CRM.Example.COM/', 'https://crm.example.com'],
		['https://crm.example.com:443/', 'https://crm.example.com'],
		['http://crm.example.com:80', 'http://crm.example.com'],
		['https://crm.example.com:8443/crm/', 'https://crm.example.com:8443/crm'],
		['localhost:8080', 'https://localhost:8080'],
		['http://127.0.0.1:8080/webservice.php', 'http://127.0.0.1:8080'],
		['http://[::1]:8080/', 'http://[::1]:8080'],
		['https://crm.example.com/webservice.php?', 'https://crm.example.com'],
	])('%p is the CRM %p', (input, expected) => {
		expect(normaliseCrmUrl(input)).toBe(expected);
		expect(webserviceUrl(input)).toBe(`${expected}/webservice.php`);
	});

	test.each([
		['', 'The CRM URL is empty'],
		['   ', 'The CRM URL is empty'],
		['https://crm example.com', 'is not a valid address'],
		['https://', 'is not a valid address'],
		['ftp://crm.example.com', 'must start with http:// or https://, not ftp://'],
		['file:///etc/passwd', 'must start with http:// or https://, not file://'],
		['https://admin:secret@crm.example.com', 'must not contain a user name or password'],
		['https://admin@crm.example.com', 'must not contain a user name or password'],
		[
			'https://crm.example.com/index.php?module=Contacts&view=List',
			'must not contain a query string',
		],
		['https://crm.example.com/#/dashboard', 'or a fragment'],
	])('%p is refused: %s', (input, words) => {
		expect(() => normaliseCrmUrl(input)).toThrow(CrmUrlError);
		expect(() => normaliseCrmUrl(input)).toThrow(words);
		const answer = webserviceUrl(input);
		expect(answer).toBeInstanceOf(CrmUrlError);
		expect((answer as CrmUrlError).message).toContain(words);
	});

	test('the message of an invalid address quotes what the user typed', () => {
		expect(() => normaliseCrmUrl('  https://crm example.com ')).toThrow(
			'The CRM URL "https://crm example.com" is not a valid address',
		);
	});
});
