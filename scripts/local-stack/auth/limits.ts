// Rate limits and attempt counters, in memory (one auth server per stack).
// - Buckets: GoTrue's tollbooth limiters: `events` per `windowS` refilled continuously, with
//   GoTrue's burst of 30 (fewer if the limit is lower; a tenth of the limit above 300, so a
//   stack that raises a limit for its tests is not held to 30 at once); keyed by client
//   address, e-mail or factor.
// - Failure counters: wrong one-time codes per code (the code dies at the limit) and failed
//   password sign-ins per address, counted alike for known and unknown addresses.
import { AuthError } from './errors.ts';

export const overRequestRateLimit = () => new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached');
export const overEmailSendRateLimit = (message = 'Email rate limit exceeded') =>
  new AuthError(429, 'over_email_send_rate_limit', message);

interface Bucket {
  tokens: number;
  at: number;
}

/** A token bucket per key; `take(key)` is false when the key is over its limit. */
export class Limiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  readonly burst: number;

  constructor(
    readonly events: number,
    readonly windowS: number,
    burst = Math.max(30, events / 10),
  ) {
    this.perMs = events / (windowS * 1000);
    this.burst = Math.max(1, Math.min(burst, events));
  }

  take(key: string, now = Date.now()): boolean {
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + (now - b.at) * this.perMs);
    b.at = now;
    this.buckets.set(key, b);
    if (this.buckets.size > 50_000) this.sweep(now);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Throws GoTrue's 429 when any of the keys is over the limit (each key is charged). */
  check(...keys: Array<string | null | undefined>): void {
    let ok = true;
    for (const k of keys) if (k && !this.take(k)) ok = false;
    if (!ok) throw overRequestRateLimit();
  }

  private sweep(now: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (now - b.at) * this.perMs >= this.burst) this.buckets.delete(k);
  }
}

/** Failures per key within a window; `over(key)` once `limit` failures were counted. */
export class FailureCounter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowS: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowS * 1000);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Records a failure; returns how many are now counted in the window. */
  fail(key: string, now = Date.now()): number {
    const list = this.recent(key, now);
    list.push(now);
    this.failures.set(key, list);
    if (this.failures.size > 50_000) for (const k of [...this.failures.keys()]) this.recent(k, now);
    return list.length;
  }

  count(key: string, now = Date.now()): number {
    return this.recent(key, now).length;
  }

  over(key: string, now = Date.now()): boolean {
    return this.count(key, now) >= this.limit;
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}

/** When something was last done per key (per-address mail frequency). */
export class LastSeen {
  private readonly at = new Map<string, number>();

  constructor(readonly intervalS: number) {}

  /** True (and remembered) when the interval since the last time has passed. */
  allow(key: string, now = Date.now()): boolean {
    const last = this.at.get(key);
    if (last !== undefined && now - last < this.intervalS * 1000) return false;
    this.at.set(key, now);
    if (this.at.size > 50_000) for (const [k, t] of this.at) if (now - t >= this.intervalS * 1000) this.at.delete(k);
    return true;
  }
}

export interface AuthLimits {
  /** /token, both grants (token_refresh) */
  token: Limiter;
  /** password sign-ins, sign-ups, /recover, /reauthenticate, PUT /user (sign_in_sign_ups) */
  otp: Limiter;
  /** /verify (token_verifications) */
  verify: Limiter;
  /** MFA challenge and verify per client address, per minute */
  mfa: Limiter;
  /** MFA challenge and verify per factor, per minute (GoTrue's 15; never raised) */
  mfaFactor: Limiter;
  /** e-mails sent per hour, whole instance (email_sent) */
  email: Limiter;
  /** failed password sign-ins per e-mail address */
  signInFailures: FailureCounter;
  /** wrong codes per one-time code (e-mail OTP per address+kind, nonce per user, MFA challenge) */
  codeFailures: FailureCounter;
  /** one mail of a kind per address per max_frequency, known address or not */
  mailFrequency: LastSeen;
}

export function authLimits(s: {
  rateLimits: { emailSent: number; tokenRefresh: number; signInSignUps: number; tokenVerifications: number; mfaChallengeAndVerify: number };
  maxFailedSignInsPerEmail: number;
  maxCodeAttempts: number;
  mailMaxFrequency: number;
  otpExpiry: number;
}): AuthLimits {
  const r = s.rateLimits;
  return {
    token: new Limiter(r.tokenRefresh, 300),
    otp: new Limiter(r.signInSignUps, 300),
    verify: new Limiter(r.tokenVerifications, 300),
    mfa: new Limiter(r.mfaChallengeAndVerify, 60),
    mfaFactor: new Limiter(15, 60),
    // GoTrue's e-mail limiter is a plain count per hour, not a burst.
    email: new Limiter(r.emailSent, 3600, r.emailSent),
    signInFailures: new FailureCounter(s.maxFailedSignInsPerEmail, 300),
    codeFailures: new FailureCounter(s.maxCodeAttempts, Math.max(s.otpExpiry, 3600)),
    mailFrequency: new LastSeen(s.mailMaxFrequency),
  };
}
