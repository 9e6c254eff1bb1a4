import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/bot/cooldown.js';

describe('Cooldown', () => {
  it('allows `burst` per window and tells when to retry', () => {
    let now = 1_000_000;
    const c = new Cooldown(10, 2, () => now);
    expect(c.take('u')).toBeUndefined();
    now += 1000;
    expect(c.take('u')).toBeUndefined();
    expect(c.take('u')).toBe(1_010_000);
    expect(c.take('other')).toBeUndefined();
    now = 1_010_000;
    expect(c.take('u')).toBeUndefined();
  });

  it('firstNotice: once per user and retry time', () => {
    let now = 1_000_000;
    const c = new Cooldown(10, 1, () => now);
    c.take('u');
    const at = c.take('u')!;
    expect([c.firstNotice('u', at), c.firstNotice('u', at), c.firstNotice('v', at)]).toEqual([true, false, true]);
    now = at;
    c.take('u');
    const later = c.take('u')!;
    expect(later).toBeGreaterThan(at);
    expect(c.firstNotice('u', later)).toBe(true);
  });

  it('forgets users whose window has passed once it tracks over 10,000: memory stays bounded in a long-running bot', () => {
    let now = 1_000_000;
    const c = new Cooldown(1, 2, () => now);
    for (let i = 0; i < 30_000; i++) {
      c.take(`user-${i}`);
      now += 1;
    }
    expect(c.tracked).toBeLessThanOrEqual(10_001);
    // The latest users are still limited.
    c.take('user-29999');
    expect(c.take('user-29999')).toBeDefined();
  });
});
