import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SlashCommandBuilder } from 'discord.js';
import { describe, expect, it, vi } from 'vitest';
import { BOT_FILE, type BotData } from '../../src/bot/bot-store.js';
import type { Command } from '../../src/bot/command.js';
import type { AnswerEngine } from '../../src/bot/engine-holder.js';
import { useHarnesses, waitForAnswer, waitForCallback, waitForEdit, type Harness } from './harness.js';

const { engine, harness } = useHarnesses({ checkMentions: true });

const ask = (h: Harness, question: string, extra: Record<string, string | number | boolean> = {}) => h.double.sendInteraction({ name: 'ask', options: { question, ...extra } });

describe('/ask', () => {
  it('answers in its one callback (type 4), quoting the sentence, with buttons', async () => {
    const h = await harness();
    const { id, token } = ask(h, 'until what year did japan control the kurils?');
    const callback = await waitForCallback(h.double, id, token);
    expect(callback.body).toMatchObject({ type: 4 });
    expect(h.double.callsFor(token)).toHaveLength(1);
    const edit = await waitForAnswer(h.double, token);
    const body = edit.body as { content: string; embeds: { description: string; title: string }[]; components: { components: { custom_id: string }[] }[] };
    expect(body.embeds[0]!.description).toContain('1945');
    expect(body.embeds[0]!.description).toMatch(/^> /);
    expect(body.content).toContain('until what year');
    expect(body.components[0]!.components.map((b) => b.custom_id)).toEqual([
      `ask:more:3:${id}`, expect.stringMatching(new RegExp(`^ask:ctx:\\d+:${id}:[0-9a-z]+$`)), `ask:up:0:${id}`, `ask:down:0:${id}`,
    ]);
    expect(edit.body).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it("abstains honestly: \"The corpus doesn't say.\" with the nearest topics", async () => {
    const h = await harness();
    const { token } = ask(h, 'what time does the arsenal game kick off tonight?');
    const edit = await waitForAnswer(h.double, token);
    const body = edit.body as { content: string; embeds: { title: string }[]; components: unknown[] };
    expect(body.content).toContain("doesn't say");
    expect(body.embeds[0]!.title).toBe('Nearest topics it covers');
    expect(body.components).toEqual([]);
  });

  it('private:true answers ephemerally; results:1 gives one quote', async () => {
    const h = await harness();
    const { id, token } = ask(h, 'until what year did japan control the kurils?', { private: true, results: 1 });
    expect((await waitForCallback(h.double, id, token)).body).toMatchObject({ type: 4, data: { flags: 64 } });
    const edit = await waitForAnswer(h.double, token);
    expect((edit.body as { embeds: unknown[] }).embeds).toHaveLength(1);
  });

  it.each([[false], [true]])('an /ask that reached the bot late (1.8 s after Discord made it; private: %s) is deferred first, then the answer is edited in', async (ephemeral) => {
    const h = await harness();
    const { id, token } = h.double.sendInteraction({ name: 'ask', ageMs: 1800, options: { question: 'until what year did japan control the kurils?', private: ephemeral } });
    expect((await waitForCallback(h.double, id, token)).body).toMatchObject({ type: 5, ...(ephemeral ? { data: { flags: 64 } } : {}) });
    const edit = await waitForEdit(h.double, token);
    expect(JSON.stringify(edit.body)).toContain('1945');
    expect(edit.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(h.double.callsFor(token).map((c) => c.method)).toEqual(['POST', 'PATCH']);
    expect(h.double.interaction(token)!.originalId).toBeDefined();
  });

  it('an /ask that reached the bot after Discord\'s 3 s deadline: logged as expired, nobody to apologise to; the next is answered', async () => {
    const h = await harness();
    const { token } = h.double.sendInteraction({ name: 'ask', ageMs: 3500, options: { question: 'until what year did japan control the kurils?' } });
    await h.double.waitForCall({ method: 'POST', path: new RegExp(`/${token}/callback$`) });
    const next = ask(h, 'until what year did japan control the kurils?');
    expect(JSON.stringify((await waitForAnswer(h.double, next.token)).body)).toContain('1945');
    expect(h.double.callsFor(token).map((c) => [c.method, c.status])).toEqual([['POST', 404]]);
    await vi.waitFor(() => expect(h.logs.filter((l) => l.msg === 'interaction expired before it was answered')).toHaveLength(1));
    expect(h.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
  });

  it('refuses a question over 300 characters (sent raw) politely and ephemerally', async () => {
    const h = await harness();
    const { id, token } = h.double.sendInteraction({ name: 'ask', options: [{ name: 'question', type: 3, value: 'why '.repeat(80) }] });
    const callback = await waitForCallback(h.double, id, token);
    expect(callback.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(JSON.stringify(callback.body)).toContain('please keep it to 300 or fewer');
  });

  it('neutralises mentions in the echoed question and allows none', async () => {
    const h = await harness();
    const { token } = ask(h, '@everyone @here <@&123456789012345678> <@123456789012345678> <#123456789012345678> why is NATO opening an office in Japan?');
    const edit = await waitForAnswer(h.double, token);
    const text = JSON.stringify(edit.body);
    expect(text).not.toMatch(/@everyone|@here|<@&\d|<@\d|<#\d/);
    expect(text).toContain('@\\u200beveryone'.replace('\\u200b', '\u200b'));
    expect(edit.body).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it('leaves no masked link live in the echoed question', async () => {
    const h = await harness();
    const { token } = ask(h, '[a](https://ok.example) [click me](https://evil.example) why is NATO opening an office in Japan?');
    const edit = await waitForAnswer(h.double, token);
    const body = edit.body as { content?: string; embeds?: Array<{ description?: string; title?: string }> };
    const text = [body.content ?? '', ...(body.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? ''])].join('\n');
    expect(text).toContain('click me');
    expect(text).not.toMatch(/(?<!\\)\[[^\]\n]*(?<!\\)\]\(/);
  });

  it('cooldown: burst+1 quick asks → the last gets an ephemeral "try again" with a time', async () => {
    const h = await harness({ env: { COOLDOWN_BURST: '2', COOLDOWN_SECONDS: '60' } });
    const sent = [1, 2, 3].map((n) => ask(h, `why is NATO opening an office in Japan ${n}?`));
    await Promise.all(sent.slice(0, 2).map((s) => waitForAnswer(h.double, s.token)));
    const last = await waitForCallback(h.double, sent[2]!.id, sent[2]!.token);
    expect(last.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(JSON.stringify(last.body)).toMatch(/try again <t:\d+:R>/);
  });
});

describe('buttons', () => {
  it('More gives the next results; Context the surrounding sentences; 👍 is stored in bot.json', async () => {
    const h = await harness();
    const { id, token } = ask(h, 'until what year did japan control the kurils?');
    await waitForAnswer(h.double, token);
    const messageId = h.double.interaction(token)!.originalId!;
    const original = h.double.state.messages.get(messageId) as { components: { components: { custom_id: string }[] }[] };
    const [more, context, up] = original.components[0]!.components.map((b) => b.custom_id) as [string, string, string];

    const m = h.double.sendInteraction({ type: 3, customId: more, messageId });
    const moreCallback = await waitForCallback(h.double, m.id, m.token);
    expect(moreCallback.body).toMatchObject({ type: 4 });
    expect((moreCallback.body as { data: { embeds: { title: string }[] } }).data.embeds[0]!.title).toMatch(/^4\. /);

    const c = h.double.sendInteraction({ type: 3, customId: context, messageId });
    const contextCallback = await waitForCallback(h.double, c.id, c.token);
    expect(contextCallback.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(JSON.stringify(contextCallback.body)).toContain('**Russia’s military presence');

    const u = h.double.sendInteraction({ type: 3, customId: up, messageId });
    expect(JSON.stringify((await waitForCallback(h.double, u.id, u.token)).body)).toContain('Thanks');
    await h.bot.ctx.store.flush();
    const stored = JSON.parse(await readFile(join(h.dataDir, BOT_FILE), 'utf8')) as BotData;
    expect(stored.feedback).toEqual([expect.objectContaining({ questionId: id, offset: 0, vote: 'up', userId: String(h.double.defaultUser.id) })]);
    expect(stored.questions).toEqual([expect.objectContaining({ id, answered: true, question: 'until what year did japan control the kurils?' })]);
  });
});

describe('buttons and the cooldown', () => {
  /** The custom id of the More button on a message the double holds. */
  const moreOn = (h: Harness, messageId: string) => (h.double.state.messages.get(messageId) as { components: { components: { custom_id: string }[] }[] }).components[0]!.components[0]!.custom_id;

  it('"More" counts against the per-user limit like /ask, and is refused privately past it', async () => {
    const h = await harness({ env: { COOLDOWN_BURST: '3', COOLDOWN_SECONDS: '60' } });
    const { token } = ask(h, 'until what year did japan control the kurils?');
    await waitForAnswer(h.double, token);
    // More on the answer, then More on the page it posted: the /ask and two pages are the three allowed.
    let messageId = h.double.interaction(token)!.originalId!;
    const replies = [];
    for (let i = 0; i < 3; i++) {
      const m = h.double.sendInteraction({ type: 3, customId: moreOn(h, messageId), messageId });
      replies.push((await waitForCallback(h.double, m.id, m.token)).body as { type: number; data: { flags?: number; content?: string } });
      messageId = h.double.interaction(m.token)!.originalId ?? messageId;
    }
    expect(replies.map((r) => r.data.flags ?? 0)).toEqual([0, 0, 64]);
    expect(replies[2]!.data.content).toMatch(/try again <t:\d+:R>/);
  });

  it('"More" pressed twice on one answer (a double click, or two people) posts the next page once; the second press is told privately', async () => {
    const h = await harness();
    const { token } = ask(h, 'until what year did japan control the kurils?');
    await waitForAnswer(h.double, token);
    const messageId = h.double.interaction(token)!.originalId!;
    const more = moreOn(h, messageId);
    const first = h.double.sendInteraction({ type: 3, customId: more, messageId });
    const second = h.double.sendInteraction({ type: 3, customId: more, messageId, user: { id: '777000000000000001', username: 'someone-else' } });
    const [a, b] = await Promise.all([waitForCallback(h.double, first.id, first.token), waitForCallback(h.double, second.id, second.token)]);
    expect(a.body).toMatchObject({ type: 4 });
    expect((a.body as { data: { embeds: { title: string }[] } }).data.embeds[0]!.title).toMatch(/^4\. /);
    expect(b.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect((b.body as { data: { content: string } }).data.content).toMatch(/just posted below this answer/);
    // The page posted has its own More, which goes on.
    const page = h.double.interaction(first.token)!.originalId!;
    const next = h.double.sendInteraction({ type: 3, customId: moreOn(h, page), messageId: page });
    const nextPage = (await waitForCallback(h.double, next.id, next.token)).body as { type: number; data: { embeds: { title: string }[] } };
    expect(nextPage.type).toBe(4);
    expect(nextPage.data.embeds[0]!.title).toMatch(/^7\. /);
  });
});

describe('/source, /sources, /help', () => {
  it('/source autocomplete returns document choices, and /source shows a summary', async () => {
    const h = await harness();
    const auto = h.double.sendInteraction({ type: 4, name: 'source', options: { document: 'nato' } });
    const choices = (await waitForCallback(h.double, auto.id, auto.token)).body as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(choices.type).toBe(8);
    expect(choices.data.choices.length).toBeGreaterThan(0);
    expect(choices.data.choices.every((c) => /nato/i.test(c.name) || /nato/i.test(c.value))).toBe(true);

    const s = h.double.sendInteraction({ name: 'source', options: { document: choices.data.choices[0]!.value } });
    const shown = (await waitForCallback(h.double, s.id, s.token)).body as { type: number; data: { embeds: { description: string }[] } };
    expect(shown.type).toBe(4);
    expect(shown.data.embeds[0]!.description).toContain('Most important sentences');
  });

  it('/sources lists every document with sizes', async () => {
    const h = await harness();
    const s = h.double.sendInteraction({ name: 'sources' });
    const body = (await waitForCallback(h.double, s.id, s.token)).body as { data: { embeds: { fields: { name: string; value: string }[] }[] } };
    const fields = body.data.embeds.flatMap((e) => e.fields);
    expect(fields).toHaveLength(engine().documents.length);
    expect(fields[0]!.value).toMatch(/kB · \d+ sentences/);
    // The file name is shown as it is, ready to copy into /source (no escaping backslash inside the code span).
    const id = /`([^`]+)`/.exec(fields[0]!.value)![1]!;
    expect(id).toBe(engine().documents[0]!.id);
    const s2 = h.double.sendInteraction({ name: 'source', options: { document: id } });
    expect(JSON.stringify((await waitForCallback(h.double, s2.id, s2.token)).body)).toContain('Most important sentences');
  });

  it('/source finds a document by its author or outlet too', async () => {
    const h = await harness();
    const s = h.double.sendInteraction({ name: 'source', options: { document: 'brown' } });
    const shown = (await waitForCallback(h.double, s.id, s.token)).body as { data: { embeds: { title: string; description: string }[] } };
    expect(shown.data.embeds[0]!.description).toContain('James D.J. Brown');
    const auto = h.double.sendInteraction({ type: 4, name: 'source', options: { document: 'global times' } });
    const choices = (await waitForCallback(h.double, auto.id, auto.token)).body as { data: { choices: { value: string }[] } };
    expect(choices.data.choices.map((c) => c.value)).toEqual(['001_11215e015e606230.txt']);
  });

  it('/help answers ephemerally', async () => {
    const h = await harness();
    const s = h.double.sendInteraction({ name: 'help' });
    expect((await waitForCallback(h.double, s.id, s.token)).body).toMatchObject({ type: 4, data: { flags: 64 } });
  });
});

describe('error boundary and shutdown', () => {
  const boom: Command = {
    data: new SlashCommandBuilder().setName('boom').setDescription('throws').toJSON(),
    execute: async () => {
      throw new Error('kaboom');
    },
  };

  it('a throwing command → ephemeral apology with an error id, logged with its stack; the bot keeps working', async () => {
    const h = await harness({ commands: [boom] });
    const b = h.double.sendInteraction({ name: 'boom' });
    const callback = await waitForCallback(h.double, b.id, b.token);
    expect(callback.body).toMatchObject({ type: 4, data: { flags: 64 } });
    const errorId = /error id `([0-9a-f]{8})`/.exec(JSON.stringify(callback.body))?.[1];
    expect(errorId).toBeDefined();
    const logged = h.logs.find((l) => l.errorId === errorId) as { err: { stack: string } } | undefined;
    expect(logged?.err.stack).toContain('kaboom');

    const { token } = ask(h, 'until what year did japan control the kurils?');
    expect(JSON.stringify((await waitForAnswer(h.double, token)).body)).toContain('1945');
  });

  const broken = (): AnswerEngine => ({ documents: engine().documents, ask: () => { throw new Error('index broken'); }, context: () => [], summary: () => [], namesIn: () => [] });

  it('an engine that throws → an ephemeral apology with an error id is the reply', async () => {
    const h = await harness({ engine: broken() });
    const { id, token } = ask(h, 'until what year did japan control the kurils?');
    const callback = await waitForCallback(h.double, id, token);
    expect(callback.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(JSON.stringify(callback.body)).toMatch(/error id `[0-9a-f]{8}`/);
    expect(h.double.callsFor(token)).toHaveLength(1);
  });

  it('an engine that throws after a defer (a late /ask) → the thinking message is removed and an ephemeral apology follows', async () => {
    const h = await harness({ engine: broken() });
    const { token } = h.double.sendInteraction({ name: 'ask', ageMs: 1800, options: { question: 'until what year did japan control the kurils?' } });
    const followUp = await h.double.waitForCall({ method: 'POST', path: new RegExp(`/webhooks/\\d+/${token}$`) });
    expect(followUp.body).toMatchObject({ flags: 64 });
    expect(JSON.stringify(followUp.body)).toMatch(/error id `[0-9a-f]{8}`/);
  });

  it('stop() flushes pending writes to bot.json before destroying the client', async () => {
    const h = await harness();
    const sent = [1, 2, 3].map((n) => ask(h, `why is NATO opening an office in Japan ${n}?`));
    await Promise.all(sent.map((s) => waitForAnswer(h.double, s.token)));
    await h.bot.stop();
    const stored = JSON.parse(await readFile(join(h.dataDir, BOT_FILE), 'utf8')) as BotData;
    expect(stored.questions.map((q) => q.id).sort()).toEqual(sent.map((s) => s.id).sort());
    expect(h.bot.client.isReady()).toBe(false);
  });
});
