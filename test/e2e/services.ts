/**
 * Debian's Redis and PostgreSQL for the queue-mode suite: installed with apt-get when missing,
 * started on 127.0.0.1 on free ports as throwaway instances (no persistence, a fresh cluster under
 * `.cache/`), stopped again by `stop()`.
 */
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import { chownSync, createWriteStream, existsSync, mkdirSync, readdirSync, rmSync } from 'fs';
import { createServer, Socket } from 'net';
import { join } from 'path';

export interface Service {
	port: number;
	stop(): Promise<void>;
}

async function isFree(port: number): Promise<boolean> {
	return await new Promise((done) => {
		const server = createServer();
		server.once('error', () => done(false));
		server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
	});
}

/**
 * Hands out free loopback ports from `from` upwards, each once. Below Linux's ephemeral range
 * (32768+), so the outgoing connections of the processes cannot take them first.
 */
export function portAllocator(from: number): () => Promise<number> {
	let next = from;
	return async () => {
		for (let port = next; port < from + 200; port++) {
			if (await isFree(port)) {
				next = port + 1;
				return port;
			}
		}
		throw new Error(`no free port in ${from}-${from + 199}`);
	};
}

export function ensureDebianPackages(packages: Record<string, string>): void {
	const missing = Object.entries(packages)
		.filter(([, file]) => !existsSync(file))
		.map(([name]) => name);
	if (missing.length === 0) return;
	console.log(`Installing ${missing.join(', ')} with apt-get`);
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
	execFileSync('apt-get', ['install', '-y', '-qq', ...missing], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
}

async function waitFor(
	label: string,
	child: ChildProcess,
	ready: () => Promise<boolean>,
	timeoutMs = 30_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`${label} exited (${child.exitCode})`);
		if (await ready()) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${label} did not become ready within ${timeoutMs / 1000} s`);
}

/** Sends `signal`, waits for the exit, and kills after 15 s. */
export async function stopProcess(
	child: ChildProcess,
	signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	await new Promise<void>((done) => {
		const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
		child.once('exit', () => {
			clearTimeout(kill);
			done();
		});
		child.kill(signal);
	});
}

function spawnLogged(
	command: string,
	args: string[],
	logFile: string,
	ids?: { uid: number; gid: number },
): ChildProcess {
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...ids });
	const log = createWriteStream(logFile);
	child.stdout?.pipe(log);
	child.stderr?.pipe(log);
	return child;
}

async function redisAnswersPing(port: number): Promise<boolean> {
	return await new Promise((done) => {
		const socket = new Socket();
		socket.setTimeout(1000, () => socket.destroy());
		socket.once('error', () => done(false));
		socket.once('close', () => done(false));
		socket.once('data', (data) => {
			done(data.toString().startsWith('+PONG'));
			socket.destroy();
		});
		socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
	});
}

export async function startRedis(port: number, logFile: string): Promise<Service> {
	const args = [
		'--bind',
		'127.0.0.1',
		'--port',
		String(port),
		'--save',
		'',
		'--appendonly',
		'no',
		'--daemonize',
		'no',
	];
	const child = spawnLogged('/usr/bin/redis-server', args, logFile);
	await waitFor('redis-server', child, async () => await redisAnswersPing(port));
	return { port, stop: async () => await stopProcess(child) };
}

export interface Postgres extends Service {
	/** Runs one SQL statement with psql and returns its rows, columns split on `|`. */
	query(sql: string, database?: string): string[][];
}

function postgresBin(): string {
	const versions = existsSync('/usr/lib/postgresql')
		? readdirSync('/usr/lib/postgresql').sort()
		: [];
	const version = versions.reverse().find((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
	if (!version)
		throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)');
	return `/usr/lib/postgresql/${version}/bin`;
}

/** A fresh cluster in `dir` (run as the `postgres` user: initdb refuses root), trust auth, loopback only. */
export async function startPostgres(port: number, dir: string, logFile: string): Promise<Postgres> {
	const bin = postgresBin();
	const ids = {
		uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
		gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
	};
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	chownSync(dir, ids.uid, ids.gid);
	const data = join(dir, 'data');
	execFileSync(
		join(bin, 'initdb'),
		['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
		{ ...ids, stdio: 'ignore' },
	);
	const child = spawnLogged(
		join(bin, 'postgres'),
		[
			'-D',
			data,
			'-p',
			String(port),
			'-k',
			dir,
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'fsync=off',
			'-c',
			'max_connections=200',
		],
		logFile,
		ids,
	);
	const query = (sql: string, database = 'n8n'): string[][] =>
		execFileSync(
			'psql',
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				'postgres',
				'-d',
				database,
				'-AtX',
				'-v',
				'ON_ERROR_STOP=1',
				'-c',
				sql,
			],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		)
			.toString()
			.split('\n')
			.filter((line) => line !== '')
			.map((line) => line.split('|'));
	const accepts = async () => {
		try {
			query('select 1', 'postgres');
			return true;
		} catch {
			return false;
		}
	};
	await waitFor('postgres', child, accepts);
	query('CREATE DATABASE n8n', 'postgres');
	return {
		port,
		query,
		// SIGINT: PostgreSQL's fast shutdown (ends open connections instead of waiting for them).
		stop: async () => {
			await stopProcess(child, 'SIGINT');
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
