/** A per-user sliding-window rate limit: at most `burst` questions in any `seconds` window. */
export class Cooldown {
  private readonly recent = new Map<string, number[]>();
  /** Per user, the retry time they were last told of (see {@link firstNotice}). */
  private readonly told = new Map<string, number>();

  /** `seconds` 0 disables the limit. */
  constructor(private readonly seconds: number, private readonly burst: number, private readonly now: () => number = Date.now) {}

  /**
   * Records a question by `userId` when allowed. Returns undefined when allowed,
   * else the time (ms since epoch) at which the user may ask again.
   */
  take(userId: string): number | undefined {
    if (this.seconds <= 0) return undefined;
    const now = this.now();
    const windowMs = this.seconds * 1000;
    const times = (this.recent.get(userId) ?? []).filter((t) => now - t < windowMs);
    if (times.length >= this.burst) {
      this.recent.set(userId, times);
      return times[0]! + windowMs;
    }
    times.push(now);
    this.recent.set(userId, times);
    if (this.recent.size > 10_000) this.prune(now, windowMs);
    return undefined;
  }

  /** How many users are tracked: bounded, however many ever asked. */
  get tracked(): number {
    return this.recent.size;
  }

  /**
   * True the first time a user is refused until `retryAt`, false for every later refusal with the same
   * time: a public notice (a mention cannot be answered privately) is given once, not once per message
   * of someone who keeps mentioning the bot.
   */
  firstNotice(userId: string, retryAt: number): boolean {
    if (this.told.get(userId) === retryAt) return false;
    this.told.set(userId, retryAt);
    return true;
  }

  private prune(now: number, windowMs: number): void {
    for (const [user, times] of this.recent) if (times.every((t) => now - t >= windowMs)) this.recent.delete(user);
    for (const [user, at] of this.told) if (at <= now) this.told.delete(user);
  }
}
