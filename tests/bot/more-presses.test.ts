import { describe, expect, it } from 'vitest';
import { MorePresses } from '../../src/bot/more-presses.js';

describe('MorePresses', () => {
  it('holds a claim for its time, then lets the page be posted again; a release frees it at once', () => {
    let now = 1_000;
    const presses = new MorePresses(30_000, 100, () => now);
    expect(presses.claim('m')).toBe(true);
    expect(presses.claim('m')).toBe(false);
    now += 29_999;
    expect(presses.claim('m')).toBe(false);
    now += 1;
    expect(presses.claim('m')).toBe(true);
    presses.release('m');
    expect(presses.claim('m')).toBe(true);
    expect(presses.claim('other')).toBe(true);
  });

  it('is bounded: the oldest claims are forgotten first', () => {
    const presses = new MorePresses(30_000, 2, () => 0);
    for (const m of ['a', 'b', 'c']) presses.claim(m);
    expect(presses.claim('c')).toBe(false);
    expect(presses.claim('a')).toBe(true);
  });
});
