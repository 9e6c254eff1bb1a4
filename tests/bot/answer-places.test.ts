import { describe, expect, it } from 'vitest';
import { AnswerPlaces, type AnswerPlace } from '../../src/bot/answer-places.js';

const place = (n: number): AnswerPlace => ({ channelId: 'c', messageId: `r${n}` });
const later = <T>(ms: number, value: T) => new Promise<T>((r) => setTimeout(() => r(value), ms));

describe('AnswerPlaces', () => {
  it('runs the work on one message in turn: an edit made while the answer is sent waits for it and gets its place', async () => {
    const places = new AnswerPlaces();
    const seen: string[] = [];
    const answer = places.queue('m', async (p) => (seen.push(`answer saw ${p?.messageId ?? 'none'}`), later(30, place(1))));
    expect(places.has('m')).toBe(true);
    const edit1 = places.queue('m', async (p) => (seen.push(`edit1 saw ${p?.messageId ?? 'none'}`), later(20, p)));
    const edit2 = places.queue('m', async (p) => (seen.push(`edit2 saw ${p?.messageId ?? 'none'}`), p));
    await Promise.all([answer, edit1, edit2]);
    expect(seen).toEqual(['answer saw none', 'edit1 saw r1', 'edit2 saw r1']);
    expect(places.questionOf('r1')).toBe('m');
  });

  it('work that fails leaves the place before it; an answer that failed leaves none, so the next edit answers anew', async () => {
    const places = new AnswerPlaces();
    await expect(places.queue('a', async () => Promise.reject(new Error('500')))).rejects.toThrow('500');
    expect(await places.queue('a', async (p) => p ?? place(2))).toEqual(place(2));
    await expect(places.queue('a', async () => Promise.reject(new Error('503')))).rejects.toThrow('503');
    expect(await places.queue('a', async (p) => p)).toEqual(place(2));
  });

  it('is bounded: the oldest messages are forgotten first', async () => {
    const places = new AnswerPlaces(3);
    for (let i = 0; i < 5; i++) await places.queue(`m${i}`, async () => place(i));
    expect(['m0', 'm1', 'm2', 'm3', 'm4'].map((m) => places.has(m))).toEqual([false, false, true, true, true]);
    expect(places.questionOf('r0')).toBeUndefined();
    expect(places.questionOf('r4')).toBe('m4');
  });
});
