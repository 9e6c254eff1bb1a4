import { describe, expect, it } from 'vitest';
import { smallTalk, smallTalkReply } from '../../src/format/small-talk.js';

describe('smallTalk: messages that ask nothing of the corpus', () => {
  it.each([
    ['thanks!', 'thanks'], ['Thank you so much', 'thanks'], ['🙏 thx', 'thanks'], ['ok', 'thanks'], ['👍', 'thanks'],
    ['hi', 'greeting'], ['Hello there!', 'greeting'], ['good morning', 'greeting'],
    ['help', 'help'], ['what can you do?', 'help'], ['what documents do you have?', 'help'], ["what's this bot about?", undefined],
    ['?', 'nothing'], ['...', 'nothing'], ['\u0000\u0000', 'nothing'],
  ])('%j → %s', (text, kind) => expect(smallTalk(text)).toBe(kind));

  it.each([
    'what is the Quad?', 'help me understand why Japan woos Russia', 'ok so why is NATO opening an office in Japan?',
    'thanks, and who wrote the Brown article?', 'hi, who is Zakharova?', 'what is this office for?',
  ])('a question is no small talk: %j', (text) => expect(smallTalk(text)).toBeUndefined());

  it('replies name the corpus and how to see it', () => {
    expect(smallTalkReply('help', 5)).toContain('5 articles');
    expect(smallTalkReply('greeting', 1)).toContain('1 article on');
    expect(smallTalkReply('nothing', 5)).toMatch(/^Ask me a question/);
  });
});
