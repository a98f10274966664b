/**
 * The editor in a real browser (Debian's Chromium driven by playwright-core): log in, add the
 * Vtiger CRM node, pick the sandbox credential and test it, pick Contacts from the module dropdown,
 * run Record > Get Many and see rows in the output panel, open the field mapper of Create, and pick
 * a product for a line item of Inventory > Create. A screenshot of each step goes to
 * test-output/screenshots/.
 */
import { mkdirSync } from 'fs';
import { join, resolve } from 'path';
import { chromium, selectors, type Page } from 'playwright-core';

import type { N8n } from './n8n';
import { SANDBOX_CREDENTIAL } from './workflows';

export const OWNER = {
	email: 'owner@example.com',
	password: 'Vtiger-Sandbox-1',
	firstName: 'Sandbox',
	lastName: 'Owner',
};
const SCREENSHOTS = resolve(__dirname, '../../test-output/screenshots');

/**
 * Picks an action of the Vtiger CRM node in the node creator. The actions list may start folded
 * under the triggers, and may still be unfolding: the header is clicked only while the action stays hidden.
 */
async function chooseAction(page: Page, action: string): Promise<void> {
	const item = page.getByText(action, { exact: true });
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			await item.click({ timeout: 5_000 });
			return;
		} catch {
			await page.getByText(/^Actions \(\d+\)$/).click();
		}
	}
	await item.click();
}

/** Opens the Module dropdown (searchable list from listtypes) and picks a module. */
async function pickModule(page: Page, module: string): Promise<void> {
	await page.getByTestId('resource-locator-module').click();
	await page.keyboard.type(module.slice(0, 4));
	await page.getByTestId('rlc-item').getByText(module, { exact: true }).click();
}

export async function runEditorCheck(n8n: N8n, productName: string): Promise<string[]> {
	await n8n.start();
	await n8n.setupOwner(OWNER);
	mkdirSync(SCREENSHOTS, { recursive: true });
	selectors.setTestIdAttribute('data-test-id');
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	const shots: string[] = [];
	const shot = async (page: Page, name: string) => {
		const file = join(SCREENSHOTS, `${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
		await page.screenshot({ path: file });
		shots.push(file);
	};
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		page.setDefaultTimeout(30_000);
		await page.goto(`${n8n.url}/signin`);
		await page.getByLabel('Email').fill(OWNER.email);
		await page.getByLabel('Password').fill(OWNER.password);
		await shot(page, 'signin');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL(/\/home|\/workflows/);
		const nodeTypes = await page.evaluate(
			async () => (await (await fetch('/types/nodes.json')).json()) as Array<{ name: string }>,
		);
		for (const type of ['vtiger', 'vtigerTrigger']) {
			if (!nodeTypes.some((t) => t.name === `n8n-nodes-vtiger-webservice.${type}`))
				throw new Error(`n8n did not load ${type}`);
		}

		await page.goto(`${n8n.url}/workflow/new`);
		await page.getByTestId('canvas-add-button').click();
		await page.getByTestId('node-creator-search-bar').fill('Vtiger');
		await shot(page, 'node-search');
		await page
			.getByTestId('node-creator-item-name')
			.getByText('Vtiger CRM', { exact: true })
			.click();
		await chooseAction(page, 'Get many records');
		await shot(page, 'node-added');

		await page.getByTestId('node-credentials-select').click();
		await page.getByRole('option', { name: SANDBOX_CREDENTIAL.name }).click();
		// Opening a saved credential runs its test (preAuthentication: getchallenge + login).
		await page.getByTestId('credential-edit-button').click();
		await page.getByText('Connection tested successfully').waitFor();
		await shot(page, 'credential-tested');
		await page.keyboard.press('Escape');
		if (!(await page.getByTestId('ndv').isVisible())) {
			await page.getByTestId('canvas-node').filter({ hasText: 'Get many records' }).dblclick();
		}

		await pickModule(page, 'Contacts');
		await page.getByTestId('node-execute-button').click();
		await page.getByTestId('output-panel').getByText('50 items', { exact: true }).waitFor();
		await shot(page, 'output');

		await page.keyboard.press('Escape');
		await page.getByTestId('node-creator-plus-button').click();
		await page.getByTestId('node-creator-search-bar').fill('Vtiger');
		await page
			.getByTestId('node-creator-item-name')
			.getByText('Vtiger CRM', { exact: true })
			.click();
		await chooseAction(page, 'Create a record');
		await pickModule(page, 'Contacts');
		await page.getByText('Last Name (lastname)').waitFor();
		await shot(page, 'mapper');

		await page.keyboard.press('Escape');
		await page.getByTestId('node-creator-plus-button').click();
		await page.getByTestId('node-creator-search-bar').fill('Vtiger');
		await page
			.getByTestId('node-creator-item-name')
			.getByText('Vtiger CRM', { exact: true })
			.click();
		await chooseAction(page, 'Create an inventory record');
		await page.getByRole('button', { name: 'Add Line Item' }).click();
		await page.getByTestId('resource-locator-product').click();
		await page
			.getByTestId('rlc-item')
			.getByText(`${productName} (product)`, { exact: true })
			.click();
		await shot(page, 'line-item');
		return shots;
	} catch (error) {
		const page = browser.contexts()[0]?.pages()[0];
		if (page) await shot(page, 'failure');
		throw new Error(`${(error as Error).message}\nScreenshots: ${shots.join(', ')}`);
	} finally {
		await browser.close();
		await n8n.stop();
	}
}
