/**
 * Challenge tokens (one per user, 5 minutes, docs/vtiger-webservice.md#getchallenge) and webservice sessions
 * (idle expiry like PHP's session GC, refreshed by every request, #session-lifetime), plus the
 * per-session request lock (#one-request-per-session).
 */
import { randomInt } from 'crypto';
import type { Clock } from './clock';

/** PHP uniqid(): 8 hex digits of seconds + 5 hex digits of microseconds. */
function uniqid(seconds = Math.floor(Date.now() / 1000)): string {
	return (
		seconds.toString(16).padStart(8, '0').slice(-8) +
		randomInt(0x100000).toString(16).padStart(5, '0')
	);
}

export interface Session {
	name: string;
	/** 0: a session that extendsession made up for an unknown sessionName (no user, docs/vtiger-webservice.md#extendsession). */
	userId: number;
	lastSeen: number;
}

interface Token {
	token: string;
	expireTime: number;
}

export class Sessions {
	private readonly tokens = new Map<number, Token>();
	private readonly sessions = new Map<string, Session>();

	constructor(
		private readonly clock: Clock,
		public idleSeconds: number,
	) {}

	/** uniqid()-like: 8 hex digits of seconds + 5 hex digits (13 hex, time based). */
	issueToken(userId: number): { token: string; serverTime: number; expireTime: number } {
		const serverTime = this.clock.nowSeconds();
		const token = uniqid(serverTime);
		const expireTime = serverTime + 300;
		this.tokens.set(userId, { token, expireTime });
		return { token, serverTime, expireTime };
	}

	/** The live token of a user, if any (expired when older than 5 minutes). */
	activeToken(userId: number): string | undefined {
		const t = this.tokens.get(userId);
		return t && t.expireTime >= this.clock.nowSeconds() ? t.token : undefined;
	}

	/** HTTP_Session2: uniqid(dechex(rand())), so 14 to 21 hex digits (mostly 20 or 21). */
	create(userId: number, name = randomInt(0x7fffffff).toString(16) + uniqid()): Session {
		const s: Session = { name, userId, lastSeen: this.clock.nowSeconds() };
		this.sessions.set(name, s);
		return s;
	}

	/** Looks a session up, expiring it when idle too long; a hit refreshes the idle timer. */
	touch(name: string): Session | undefined {
		const s = this.sessions.get(name);
		if (!s) return undefined;
		const now = this.clock.nowSeconds();
		if (now - s.lastSeen > this.idleSeconds) {
			this.sessions.delete(name);
			return undefined;
		}
		s.lastSeen = now;
		return s;
	}

	destroy(name: string): void {
		this.sessions.delete(name);
	}

	killAll(): void {
		this.sessions.clear();
	}
}

/** FIFO lock per key: requests on one PHP session file run one at a time (docs/vtiger-webservice.md#one-request-per-session). */
export class KeyedLock {
	private readonly tails = new Map<string, Promise<void>>();

	async run<T>(key: string | undefined, fn: () => Promise<T>): Promise<T> {
		if (key === undefined) return fn();
		const previous = this.tails.get(key) ?? Promise.resolve();
		let release!: () => void;
		const mine = new Promise<void>((r) => (release = r));
		const tail = previous.then(() => mine);
		this.tails.set(key, tail);
		await previous;
		try {
			return await fn();
		} finally {
			release();
			if (this.tails.get(key) === tail) this.tails.delete(key);
		}
	}
}
