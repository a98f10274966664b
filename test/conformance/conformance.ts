/**
 * `npm run test:conformance`: the emulator conformance suite (see README.md next to this file).
 *
 * With VTIGER_URL, VTIGER_USERNAME, VTIGER_ACCESS_KEY (and VTIGER_NONADMIN_USERNAME,
 * VTIGER_NONADMIN_ACCESS_KEY for the non-admin user; VTIGER_ENV_FILE may name a file with these
 * lines, such as the target.env of `npm run vtiger:up`) every case is sent to the emulator and to that
 * real Vtiger, both answers are checked against the case's expectations and compared after
 * normalisation; `--record` then stores the real answers in recorded-8.3.0.json. Without them,
 * the cases run against the emulator alone: the expectations are checked and the answers are
 * compared with the recorded real answers. Every difference must be listed in
 * allowed-differences.json. Options: `--only <text>` runs the cases whose name contains it (with
 * the fixture cases they need, which come first anyway: use it for quick looks only);
 * `--show-allowed` prints the allowed differences too.
 */
import * as fs from 'fs';
import * as path from 'path';
import { VtigerEmulator } from '../emulator';
import { Suite, runSuite } from '../e2e/suite';
import { recordCases } from './cases-records';
import { queryCases } from './cases-query';
import { nonAdminCases, relationCases } from './cases-relations';
import { sessionCases } from './cases-session';
import type { Answer } from './client';
import { CheckFailure, Ctx, type Case, type Credentials, type Outcome } from './framework';
import { diff, normalize, short, type Difference, type Normalized } from './normalize';

const HERE = __dirname;
const RECORDING = path.join(HERE, 'recorded-8.3.0.json');
const ALLOWED = path.join(HERE, 'allowed-differences.json');

interface Allowed {
	case: string;
	path: string;
	reason: string;
	/** The case's expectations are known to fail on the emulator (for the same reason). */
	expect?: boolean;
	used?: boolean;
}

interface Recording {
	recordedAt: string;
	server: string;
	cases: Record<string, unknown>;
}

const glob = (pattern: string): RegExp =>
	new RegExp(
		`^${pattern
			.split('*')
			.map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
			.join('.*')}`,
	);

/** `json.result` matches `json.result`, `json.result.x` and `json.result[0]`; `*` is a wildcard. */
const pathMatches = (pattern: string, p: string): boolean =>
	pattern === '*' || new RegExp(`${glob(pattern).source}($|[.\\[])`).test(p);

function loadEnvFile(): void {
	const file = process.env.VTIGER_ENV_FILE;
	if (!file) return;
	for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
		const m = /^\s*(?:export\s+)?([A-Z0-9_]+)=(.*)$/.exec(line);
		if (!m) continue;
		const value = m[2].trim().replace(/^(['"])(.*)\1$/, '$2');
		if (process.env[m[1]] === undefined) process.env[m[1]] = value;
	}
}

function outcomeNormalized(o: Outcome, t: Ctx): unknown {
	const masks = t.masks();
	const isAnswer = (x: unknown): x is Answer =>
		!!x && typeof x === 'object' && 'status' in x && 'text' in x;
	if (isAnswer(o)) return normalize(o, masks);
	const out: Record<string, Normalized> = {};
	for (const [k, a] of Object.entries(o)) out[k] = normalize(a, masks);
	return out;
}

/** Where the tag is written, for the final sweep. */
const SWEEP: Array<[string, string]> = [
	['Contacts', 'lastname'],
	['Accounts', 'accountname'],
	['Leads', 'lastname'],
	['Products', 'productname'],
	['Documents', 'notes_title'],
	['Calendar', 'subject'],
	['Events', 'subject'],
	['HelpDesk', 'ticket_title'],
	['Potentials', 'potentialname'],
	['ModComments', 'commentcontent'],
];

const ALL_CASES: Case[] = [
	...sessionCases,
	...recordCases,
	...queryCases,
	...relationCases,
	...nonAdminCases,
];

async function main(): Promise<Suite> {
	loadEnvFile();
	const args = process.argv.slice(2);
	const record = args.includes('--record');
	const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
	const showAllowed = args.includes('--show-allowed');
	const env = process.env;
	const live = !!(env.VTIGER_URL && env.VTIGER_USERNAME && env.VTIGER_ACCESS_KEY);
	const allowed = (JSON.parse(fs.readFileSync(ALLOWED, 'utf8')) as { differences: Allowed[] })
		.differences;
	const recording =
		!live && fs.existsSync(RECORDING)
			? (JSON.parse(fs.readFileSync(RECORDING, 'utf8')) as Recording)
			: undefined;
	const tag = `cf${Date.now().toString(36)}`;

	const emulator = await VtigerEmulator.start({ nonAdminDefect: true });
	let real: Ctx | undefined;
	// Without a real server the emulator's non-admin user is the one `npm run vtiger:up` makes (as recorded).
	let userCredentials: Credentials = { username: 'salesrep', accessKey: 'ConfUser00000001' };
	let userNames = { firstName: 'Test', lastName: 'Salesrep', email: 'salesrep@example.com' };
	if (live) {
		const realUser =
			env.VTIGER_NONADMIN_USERNAME && env.VTIGER_NONADMIN_ACCESS_KEY
				? { username: env.VTIGER_NONADMIN_USERNAME, accessKey: env.VTIGER_NONADMIN_ACCESS_KEY }
				: undefined;
		real = new Ctx(
			'real',
			env.VTIGER_URL!,
			{ username: env.VTIGER_USERNAME!, accessKey: env.VTIGER_ACCESS_KEY! },
			realUser,
			tag,
		);
		await real.setUp();
		if (realUser && real.user) {
			userCredentials = { username: realUser.username, accessKey: 'ConfUser00000001' };
			const l = real.user.login;
			userNames = { firstName: l.first_name, lastName: l.last_name, email: l.email };
		}
	}
	emulator.addUser({
		username: userCredentials.username,
		accessKey: userCredentials.accessKey,
		isAdmin: false,
		...userNames,
	});
	const emu = new Ctx(
		'emulator',
		emulator.url,
		{ username: emulator.username, accessKey: emulator.accessKey },
		userCredentials,
		tag,
		emulator,
	);
	await emu.setUp();
	const targets = real ? [emu, real] : [emu];

	console.log(
		`Vtiger webservice conformance: ${live ? `emulator vs ${env.VTIGER_URL}` : recording ? `emulator vs the recording of ${recording.recordedAt}` : 'emulator only'}`,
	);
	const suite = new Suite();
	const recorded: Record<string, unknown> = {};
	// The non-admin cases need the non-admin user; a profile with global View/Edit all works like an admin.
	const withUser = !live || (!!real?.user && env.VTIGER_NONADMIN_GLOBAL_PERMISSIONS !== '1');
	if (!withUser)
		console.log(
			'  note: no non-admin user with a standard profile: the non-admin cases are left out',
		);
	const cases = ALL_CASES.filter(
		(c) =>
			(withUser || !c.name.startsWith('non-admin')) &&
			(!only || c.name.includes(only) || /^create/.test(c.name)),
	);
	const names = new Set<string>();
	for (const c of cases) {
		if (names.has(c.name)) throw new Error(`duplicate case name ${c.name}`);
		names.add(c.name);
	}

	for (const c of cases) {
		await suite.check(c.name, async () => {
			const rules = allowed.filter((a) => new RegExp(`${glob(a.case).source}$`).test(c.name));
			const usedHere = new Set<Allowed>();
			const problems: string[] = [];
			const notes: string[] = [];
			const normalized = new Map<string, unknown>();
			for (const t of targets) {
				let o: Outcome;
				try {
					o = await c.run(t);
				} catch (e) {
					problems.push(`${t.name}: the case could not run: ${(e as Error).message}`);
					continue;
				}
				normalized.set(t.name, outcomeNormalized(o, t));
				try {
					c.expect?.(o, t);
				} catch (e) {
					if (!(e instanceof CheckFailure)) throw e;
					const rule = t.name === 'emulator' ? rules.find((r) => r.expect) : undefined;
					if (rule) {
						rule.used = true;
						usedHere.add(rule);
						notes.push(`emulator expectation failure allowed ("${rule.case}")`);
					} else problems.push(`${t.name}: ${e.message}`);
				}
			}
			const other = real ? normalized.get('real') : recording?.cases[c.name];
			if (real && normalized.has('real')) recorded[c.name] = normalized.get('real');
			if (other !== undefined && normalized.has('emulator')) {
				const differences: Difference[] = diff(normalized.get('emulator'), other);
				let allowedCount = 0;
				for (const d of differences) {
					const rule = rules.find((r) => r.path !== 'expect' && pathMatches(r.path, d.path));
					if (rule) {
						rule.used = true;
						usedHere.add(rule);
						allowedCount++;
						if (showAllowed)
							console.log(
								`       allowed at ${d.path || '(root)'}: emulator ${short(d.emulator)}, real ${short(d.real)}`,
							);
					} else
						problems.push(
							`differs at ${d.path || '(root)'}: emulator ${short(d.emulator)}, real ${short(d.real)}`,
						);
				}
				if (allowedCount > 0)
					notes.push(
						`${allowedCount} allowed difference${allowedCount > 1 ? 's' : ''} (${[...usedHere].map((r) => `"${r.case}" ${r.path}`).join(', ')})`,
					);
			}
			if (problems.length > 0) {
				const e = new CheckFailure(problems.join('\n'));
				e.stack = e.message;
				throw e;
			}
			return notes.join('; ');
		});
	}

	for (const t of targets) {
		await suite.check(`clean-up on ${t.name}`, async () => {
			const failed: string[] = [];
			const gone = (a: Answer): boolean =>
				!!a.json?.success ||
				a.json?.error?.message === 'Permission to perform the operation is denied';
			for (const id of [...new Set(t.created)].reverse()) {
				let a = await t.post({ operation: 'delete', id });
				// A Calendar create without activitytype made an event: it is deleted with the Events prefix.
				if (
					a.json?.error?.code === 'INVALID_ID_ATTRIBUTE' &&
					id.startsWith(`${t.prefix('Calendar')}x`)
				) {
					a = await t.post({
						operation: 'delete',
						id: `${t.prefix('Events')}x${id.split('x')[1]}`,
					});
				}
				if (!gone(a)) failed.push(`${id}: ${a.status} ${a.text.slice(0, 120)}`);
			}
			// Anything tagged that is still there (a write that died after saving).
			let swept = 0;
			for (const [module, field] of SWEEP) {
				const rows = await t.query(`SELECT id FROM ${module} WHERE ${field} LIKE '%${t.tag}%';`);
				for (const row of (rows.json?.result ?? []) as Array<{ id: string }>) {
					const a = await t.post({ operation: 'delete', id: row.id });
					if (gone(a)) swept++;
					else failed.push(`${row.id}: ${a.status} ${a.text.slice(0, 120)}`);
				}
			}
			if (failed.length > 0) throw new CheckFailure(`not deleted: ${failed.join('; ')}`);
			return `${new Set(t.created).size} records deleted${swept ? `, ${swept} more found by the tag` : ''}`;
		});
	}
	await emulator.stop();

	if (record && real) {
		const out: Recording = {
			recordedAt: new Date().toISOString(),
			server: `${env.VTIGER_URL} (${real.admin.login.vtigerVersion})`,
			cases: recorded,
		};
		// One case per line: small, and a new recording diffs case by case.
		const lines = Object.entries(out.cases).map(
			([name, answer]) => `${JSON.stringify(name)}:${JSON.stringify(answer)}`,
		);
		fs.writeFileSync(
			RECORDING,
			`{"recordedAt":${JSON.stringify(out.recordedAt)},"server":${JSON.stringify(out.server)},"cases":{\n${lines.join(',\n')}\n}}\n`,
		);
		console.log(
			`recorded ${Object.keys(recorded).length} real answers in ${path.relative(process.cwd(), RECORDING)}`,
		);
	}
	if ((real || recording) && !only) {
		for (const a of allowed.filter((x) => !x.used))
			console.log(`  note: allowed difference not seen: ${a.case} ${a.path}`);
	}
	return suite;
}

runSuite('conformance', main);
