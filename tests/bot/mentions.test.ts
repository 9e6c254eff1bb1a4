import { describe, expect, it } from 'vitest';
import { serverError, type RecordedCall } from '../discord/double.js';
import { postsIn, threadOf, useHarnesses, type Harness } from './harness.js';

const { harness } = useHarnesses({ checkMentions: true });

const postIn = (h: Harness, channelId: string, nth = 1) => {
  let seen = 0;
  return h.double.waitForCall((c: RecordedCall) => c.method === 'POST' && c.path === `/channels/${channelId}/messages` && ++seen === nth, 3000);
};

/** A thread's history as the follow-ups read it (without the message ids that let an edit replace a turn). */
const turnsIn = async (h: Harness, threadId: string) => (await h.bot.ctx.store.threadTurns(threadId)).map(({ question, asked, followUp }) => ({ question, asked, followUp }));

/** The PATCHes of the bot's message `messageId` in `channelId`. */
const editsOf = (h: Harness, channelId: string, messageId: string) => h.double.calls.filter((c) => c.method === 'PATCH' && c.path === `/channels/${channelId}/messages/${messageId}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The id of the message a recorded POST created. */
const createdId = (call: RecordedCall) => String((call.response as { id: string }).id);

/** A question mentioned in a text channel of a new harness, and the thread the bot started from it (its POST). */
async function threadStartedBy(content: string) {
  const h = await harness();
  const channelId = String(h.double.state.guilds[0]!.channels[0]!.id);
  const sent = h.double.sendMessage({ channelId, content, mentionsBot: true });
  const started = await h.double.waitForCall({ method: 'POST', path: `/channels/${channelId}/messages/${String(sent.id)}/threads` });
  return { h, sent, started };
}

/** A question mentioned in a thread of a new harness, and the bot's reply there (its POST and the id of the message it made). */
async function answeredInThread(content: string) {
  const h = await harness();
  const threadId = threadOf(h);
  const sent = h.double.sendMessage({ channelId: threadId, content, mentionsBot: true });
  const reply = await postIn(h, threadId);
  return { h, threadId, sent, reply, replyId: createdId(reply) };
}

describe('mentions', () => {
  it('in a thread: answered there as a reply (message_reference), mention stripped', async () => {
    const h = await harness();
    const threadId = threadOf(h);
    const sent = h.double.sendMessage({ channelId: threadId, content: 'until what year did japan control the kurils?', mentionsBot: true });
    const reply = await postIn(h, threadId);
    expect(reply.body).toMatchObject({ message_reference: { message_id: sent.id }, allowed_mentions: { parse: [], replied_user: false } });
    expect(JSON.stringify(reply.body)).toContain('1945');
    expect(JSON.stringify(reply.body)).not.toContain(`<@${String(h.double.botUser.id)}>`);
  });

  it('a short follow-up in the same thread leans on the earlier question', async () => {
    const h = await harness();
    const threadId = threadOf(h);
    h.double.sendMessage({ channelId: threadId, content: 'what missiles did russia deploy to iturup?', mentionsBot: true });
    await postIn(h, threadId, 1);
    h.double.sendMessage({ channelId: threadId, content: 'and in what year?', mentionsBot: true });
    const second = await postIn(h, threadId, 2);
    expect(await turnsIn(h, threadId)).toEqual([
      { question: 'what missiles did russia deploy to iturup?', asked: 'what missiles did russia deploy to iturup?', followUp: false },
      { question: 'and in what year?', asked: 'in what year? missiles russia deploy to iturup', followUp: true },
    ]);
    expect(JSON.stringify(second.body)).toContain('Iturup');
    expect(JSON.stringify(second.body)).toContain('and in what year?');
    // The reply says how the follow-up was read, as the console does.
    expect((second.body as { content: string }).content).toContain('*(read with your earlier question: "in what year? missiles russia deploy to iturup")*');
    // So does every further page "More" brings.
    const more = (second.body as { components: Array<{ components: Array<{ custom_id: string }> }> }).components[0]!.components[0]!.custom_id;
    const pressed = h.double.sendInteraction({ type: 3, customId: more, messageId: createdId(second) });
    const page = await h.double.waitForCall((c: RecordedCall) => c.path.endsWith('/callback') && c.path.includes(pressed.token));
    expect(JSON.stringify(page.body)).toContain('and in what year?');
    expect(JSON.stringify(page.body)).toContain('(read with your earlier question: \\"in what year? missiles russia deploy to iturup\\")');
  });

  it('"thanks!", "hi", "help" and "👍" in a thread get a line of their own, not the last answer again, and are no turn of the thread', async () => {
    const h = await harness();
    const threadId = threadOf(h);
    h.double.sendMessage({ channelId: threadId, content: 'until what year did japan control the kurils?', mentionsBot: true });
    await postIn(h, threadId, 1);
    const replies: Array<{ content: string; embeds?: unknown[] }> = [];
    for (const [i, content] of ['thanks!', 'hi', 'help', '👍'].entries()) {
      h.double.sendMessage({ channelId: threadId, content, mentionsBot: true });
      replies.push((await postIn(h, threadId, i + 2)).body as { content: string; embeds?: unknown[] });
    }
    expect(replies.map((r) => r.content)).toEqual([
      'Glad to help. Ask another question about the articles any time.',
      expect.stringMatching(/^Hello! I answer questions about 5 articles on Japan's relations with China, Russia and NATO/),
      expect.stringMatching(/^I answer questions about 5 articles .* \/sources lists the articles and \/help says more\.$/),
      'Glad to help. Ask another question about the articles any time.',
    ]);
    for (const r of replies) expect(r.embeds ?? []).toEqual([]);
    expect(h.bot.ctx.store.threadTurns(threadId)).toHaveLength(1);
  });

  it('a link or a right-to-left override in a question is echoed neither live nor reversed', async () => {
    const h = await harness();
    const threadId = threadOf(h);
    h.double.sendMessage({ channelId: threadId, content: 'why nato \u202ehttp://evil.example/free-nitro', mentionsBot: true });
    const content = ((await postIn(h, threadId)).body as { content: string }).content;
    expect(content).toContain('http:\u200b//evil.example/free-nitro');
    expect(content).not.toContain('http://');
    expect(content).not.toContain('\u202e');
  });

  it('a follow-up with its own question form asks that, about the earlier topic; "and X?" swaps the name', async () => {
    const h = await harness();
    const threadId = threadOf(h);
    h.double.sendMessage({ channelId: threadId, content: 'who wrote the Brown article?', mentionsBot: true });
    await postIn(h, threadId, 1);
    h.double.sendMessage({ channelId: threadId, content: 'when was it published?', mentionsBot: true });
    const second = await postIn(h, threadId, 2);
    // Read as a publication question about Brown's article (9 July 2018), not as "who wrote…" again.
    expect(JSON.stringify(second.body)).toContain('2018');
    expect(JSON.stringify(second.body)).not.toMatch(/doesn.t say/);
    h.double.sendMessage({ channelId: threadId, content: 'what did Qin Gang say about Europe?', mentionsBot: true });
    await postIn(h, threadId, 3);
    h.double.sendMessage({ channelId: threadId, content: 'and Zakharova?', mentionsBot: true });
    await postIn(h, threadId, 4);
    expect((await turnsIn(h, threadId)).at(-1)).toEqual({ question: 'and Zakharova?', asked: 'what did Zakharova say about Europe?', followUp: true });
  });

  it('a short question that stands on its own is asked alone, not glued to the thread\'s', async () => {
    const h = await harness();
    const threadId = threadOf(h);
    h.double.sendMessage({ channelId: threadId, content: 'why is NATO opening an office in Japan?', mentionsBot: true });
    await postIn(h, threadId, 1);
    h.double.sendMessage({ channelId: threadId, content: 'when was the Brown article published?', mentionsBot: true });
    const second = await postIn(h, threadId, 2);
    expect((await turnsIn(h, threadId))[1]).toEqual({ question: 'when was the Brown article published?', asked: 'when was the Brown article published?', followUp: false });
    // Brown's article is dated 9 July 2018; the NATO article (2023) is the one the glued question found.
    expect(JSON.stringify(second.body)).toMatch(/2018/);
    expect(JSON.stringify(second.body)).not.toMatch(/2023/);
  });

  it('the cooldown counts every mention, empty ones too, and says so once, not once per message', async () => {
    const h = await harness({ env: { COOLDOWN_BURST: '2', COOLDOWN_SECONDS: '60' } });
    const threadId = threadOf(h);
    for (const content of ['', 'why is NATO opening an office in Japan?', 'and Russia?', 'what about China?', '', 'until when did japan control the kurils?']) {
      h.double.sendMessage({ channelId: threadId, content, mentionsBot: true });
    }
    await postIn(h, threadId, 3);
    // Let the rest arrive and be handled: nothing more may be posted.
    await new Promise((r) => setTimeout(r, 300));
    const posts = h.double.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${threadId}/messages`).map((c) => JSON.stringify(c.body));
    expect(posts).toHaveLength(3);
    // In any order: the answer takes longer to make than the two short replies.
    expect(posts.filter((p) => p.includes('Ask me a question after the mention'))).toHaveLength(1);
    expect(posts.filter((p) => p.includes('"embeds":[{'))).toHaveLength(1);
    expect(posts.filter((p) => /try again <t:\d+:R>/.test(p))).toHaveLength(1);
  });

  it('in a text channel: opens a thread from the message and answers in it', async () => {
    const { h, started } = await threadStartedBy('why is NATO opening an office in Japan?');
    const threadId = createdId(started);
    const answer = await postIn(h, threadId);
    expect(JSON.stringify(answer.body)).toContain('NATO');
    expect(h.bot.ctx.store.threadTurns(threadId)).toHaveLength(1);
  });

  it('a long question of emoji names its thread without half a character', async () => {
    const { started } = await threadStartedBy(`why is NATO opening an office in Japan ${'🗾'.repeat(60)}?`);
    const name = (started.body as { name: string }).name;
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name).toMatch(/^why is NATO/);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('a thread name keeps no bidirectional override or zero-width character: its title reads as typed', async () => {
    const { started } = await threadStartedBy('why nato? \u202e\u202e\u200babc\u2066');
    expect((started.body as { name: string }).name).toBe('why nato? abc');
  });

  it("MENTION_REPLY_MODE=reply answers in place", async () => {
    const h = await harness({ env: { MENTION_REPLY_MODE: 'reply' } });
    const channelId = String(h.double.state.guilds[0]!.channels[0]!.id);
    const sent = h.double.sendMessage({ channelId, content: 'why is NATO opening an office in Japan?', mentionsBot: true });
    const reply = await postIn(h, channelId);
    expect(reply.body).toMatchObject({ message_reference: { message_id: sent.id } });
    expect(h.double.calls.some((c) => c.path.endsWith('/threads'))).toBe(false);
  });

  it('ignores bots and messages that do not mention it', async () => {
    const h = await harness();
    const threadId = threadOf(h);
    h.double.sendMessage({ channelId: threadId, content: 'why is NATO opening an office in Japan?', mentionsBot: true, author: { bot: true, username: 'other-bot' } });
    h.double.sendMessage({ channelId: threadId, content: 'why is NATO opening an office in Japan?' });
    h.double.sendMessage({ channelId: threadId, content: 'ping', mentionsBot: true });
    const reply = await postIn(h, threadId);
    expect(JSON.stringify(reply.body)).not.toContain('NATO opening');
    await new Promise((r) => setTimeout(r, 100));
    expect(h.double.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${threadId}/messages`)).toHaveLength(1);
  });

  it('mention injection in a mention question is neutralised', async () => {
    const h = await harness();
    const threadId = threadOf(h);
    h.double.sendMessage({ channelId: threadId, content: '@everyone <@&123456789012345678> why is NATO opening an office in Japan?', mentionsBot: true });
    const reply = await postIn(h, threadId);
    expect(JSON.stringify(reply.body)).not.toMatch(/@everyone|<@&\d/);
  });
});

describe('edited mentions', () => {
  it('in a thread: the reply is edited to answer the question as it now reads; the record and the thread turn follow, and no second reply is posted', async () => {
    const { h, threadId, sent, reply, replyId } = await answeredInThread('who wrote the brown article?');
    expect(JSON.stringify(reply.body)).toContain('James D.J. Brown');
    h.double.editUserMessage(String(sent.id), { content: 'until what year did japan control the kurils?', mentionsBot: true });
    const edit = await h.double.waitForCall({ method: 'PATCH', path: `/channels/${threadId}/messages/${replyId}` });
    expect(JSON.stringify(edit.body)).toContain('1945');
    expect(JSON.stringify(edit.body)).toContain('until what year did japan control the kurils?');
    expect(edit.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(h.bot.ctx.store.question(String(sent.id))).toMatchObject({ question: 'until what year did japan control the kurils?' });
    expect((await h.bot.ctx.store.data).questions).toHaveLength(1);
    expect(await turnsIn(h, threadId)).toEqual([{ question: 'until what year did japan control the kurils?', asked: 'until what year did japan control the kurils?', followUp: false }]);
    // More on the edited reply pages the question as edited.
    const more = (edit.body as { components: Array<{ components: Array<{ custom_id: string }> }> }).components[0]!.components[0]!.custom_id;
    const pressed = h.double.sendInteraction({ type: 3, customId: more, messageId: replyId });
    const page = await h.double.waitForCall((c: RecordedCall) => c.path.endsWith('/callback') && c.path.includes(pressed.token));
    expect(JSON.stringify(page.body)).toContain('until what year did japan control the kurils?');
    await sleep(100);
    expect(postsIn(h, threadId)).toHaveLength(1);
  });

  it('an edit that leaves the words as they were (a link unfurled) or takes the mention out changes nothing', async () => {
    const { h, threadId, sent, replyId } = await answeredInThread('who wrote the brown article? https://example.com');
    h.double.dispatch('MESSAGE_UPDATE', { ...sent, embeds: [{ type: 'link', url: 'https://example.com', title: 'Example' }] });
    h.double.editUserMessage(String(sent.id), { content: 'never mind, found it' });
    await sleep(200);
    expect(editsOf(h, threadId, replyId)).toEqual([]);
    expect(postsIn(h, threadId)).toHaveLength(1);
    expect(h.bot.ctx.store.question(String(sent.id))).toMatchObject({ question: 'who wrote the brown article? https://example.com' });
  });

  it('a follow-up edited in a thread leans on the question before it, and replaces its own turn, not the last', async () => {
    const h = await harness();
    const threadId = threadOf(h);
    h.double.sendMessage({ channelId: threadId, content: 'what did China say about the NATO office?', mentionsBot: true });
    await postIn(h, threadId, 1);
    const followUp = h.double.sendMessage({ channelId: threadId, content: 'and Rusia?', mentionsBot: true });
    const second = await postIn(h, threadId, 2);
    h.double.sendMessage({ channelId: threadId, content: 'who wrote the brown article?', mentionsBot: true });
    await postIn(h, threadId, 3);
    h.double.editUserMessage(String(followUp.id), { content: 'and Russia?', mentionsBot: true });
    await h.double.waitForCall({ method: 'PATCH', path: `/channels/${threadId}/messages/${createdId(second)}` });
    expect((await turnsIn(h, threadId)).map((t) => t.asked)).toEqual([
      'what did China say about the NATO office?', 'what did Russia say about the NATO office?', 'who wrote the brown article?',
    ]);
  });

  it('a channel mention that opened a thread: the edit edits the answer in that thread', async () => {
    const { h, sent, started } = await threadStartedBy('who wrote the brown article?');
    const threadId = createdId(started);
    const answerId = createdId(await postIn(h, threadId));
    h.double.editUserMessage(String(sent.id), { content: 'until what year did japan control the kurils?', mentionsBot: true });
    const edit = await h.double.waitForCall({ method: 'PATCH', path: `/channels/${threadId}/messages/${answerId}` });
    expect(JSON.stringify(edit.body)).toContain('1945');
    expect(await turnsIn(h, threadId)).toEqual([{ question: 'until what year did japan control the kurils?', asked: 'until what year did japan control the kurils?', followUp: false }]);
  });

  it('a message edited to mention the bot is answered as a new mention; an edit to an over-long question gets the refusal in place of the answer', async () => {
    const h = await harness();
    const threadId = threadOf(h);
    const plain = h.double.sendMessage({ channelId: threadId, content: 'who wrote the brown article?' });
    await sleep(100);
    expect(postsIn(h, threadId)).toHaveLength(0);
    h.double.editUserMessage(String(plain.id), { content: 'who wrote the brown article?', mentionsBot: true });
    const reply = await postIn(h, threadId);
    expect(reply.body).toMatchObject({ message_reference: { message_id: plain.id } });
    expect(JSON.stringify(reply.body)).toContain('James D.J. Brown');
    h.double.editUserMessage(String(plain.id), { content: `why ${'very '.repeat(80)}long?`, mentionsBot: true });
    const edit = await h.double.waitForCall({ method: 'PATCH', path: `/channels/${threadId}/messages/${createdId(reply)}` });
    expect((edit.body as { content: string; embeds: unknown[] }).content).toMatch(/^That question is 409 characters long/);
    expect((edit.body as { embeds: unknown[] }).embeds).toEqual([]);
  });
});

describe('edits Discord refuses', () => {

  it('the edit fails (500): the apology is posted, and the record and thread turn still hold the question the reply shows', async () => {
    const { h, threadId, sent, replyId } = await answeredInThread('who wrote the brown article?');
    h.double.failNext({ method: 'PATCH', path: `/channels/${threadId}/messages/${replyId}` }, serverError(500));
    h.double.editUserMessage(String(sent.id), { content: 'until what year did japan control the kurils?', mentionsBot: true });
    const apology = await postIn(h, threadId, 2);
    expect((apology.body as { content: string }).content).toMatch(/^Sorry, something went wrong on my side \(error id `[0-9a-f]{8}`\)/);
    expect(h.bot.ctx.store.question(String(sent.id))).toMatchObject({ question: 'who wrote the brown article?' });
    expect((await h.bot.ctx.store.question(String(sent.id)))?.delivered).toBeUndefined();
    expect(await turnsIn(h, threadId)).toEqual([{ question: 'who wrote the brown article?', asked: 'who wrote the brown article?', followUp: false }]);
    // The next edit goes through, to the same reply.
    h.double.editUserMessage(String(sent.id), { content: 'until what year did japan control the kurils?!', mentionsBot: true });
    await h.double.waitForCall((c: RecordedCall) => c.method === 'PATCH' && c.path === `/channels/${threadId}/messages/${replyId}` && c.status === 200);
    expect(postsIn(h, threadId)).toHaveLength(2);
  });

  it('the reply was deleted (10008): the edited question gets a new reply, and later edits edit that one', async () => {
    const { h, threadId, sent, replyId } = await answeredInThread('who wrote the brown article?');
    h.double.state.messages.delete(replyId);
    h.double.editUserMessage(String(sent.id), { content: 'until what year did japan control the kurils?', mentionsBot: true });
    const second = await postIn(h, threadId, 2);
    expect(second.body).toMatchObject({ message_reference: { message_id: sent.id } });
    expect(JSON.stringify(second.body)).toContain('1945');
    const secondId = createdId(second);
    h.double.editUserMessage(String(sent.id), { content: 'who wrote the brown article?', mentionsBot: true });
    const edit = await h.double.waitForCall({ method: 'PATCH', path: `/channels/${threadId}/messages/${secondId}` });
    expect(JSON.stringify(edit.body)).toContain('James D.J. Brown');
    expect(h.logs.filter((l) => l.msg === 'handler failed')).toEqual([]);
  });

  it('a mention refused at the cooldown and edited once the limit has passed is not answered late', async () => {
    const h = await harness({ env: { COOLDOWN_BURST: '1', COOLDOWN_SECONDS: '1' } });
    const threadId = threadOf(h);
    h.double.sendMessage({ channelId: threadId, content: 'who wrote the brown article?', mentionsBot: true });
    await postIn(h, threadId, 1);
    const refused = h.double.sendMessage({ channelId: threadId, content: 'until what year did japan control the kurils?', mentionsBot: true });
    await postIn(h, threadId, 2);
    await new Promise((r) => setTimeout(r, 1100));
    h.double.editUserMessage(String(refused.id), { content: 'until what year did japan control the kurils??', mentionsBot: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(postsIn(h, threadId)).toHaveLength(2);
    expect(h.double.calls.filter((c) => c.method === 'PATCH')).toEqual([]);
  });
});

describe('replies to the bot', () => {
  it('a reply (pinging, as Discord does by default) to an answer leans on that answer\'s question, not the thread\'s last', async () => {
    const h = await harness();
    const threadId = threadOf(h);
    h.double.sendMessage({ channelId: threadId, content: 'what missiles did russia deploy to iturup?', mentionsBot: true });
    const first = await postIn(h, threadId, 1);
    h.double.sendMessage({ channelId: threadId, content: 'who wrote the brown article?', mentionsBot: true });
    await postIn(h, threadId, 2);
    h.double.sendMessage({ channelId: threadId, content: 'and in what year?', replyTo: createdId(first), pingReply: true });
    const third = await postIn(h, threadId, 3);
    expect((await turnsIn(h, threadId)).at(-1)).toEqual({ question: 'and in what year?', asked: 'in what year? missiles russia deploy to iturup', followUp: true });
    expect(JSON.stringify(third.body)).toContain('Iturup');
  });

  it('in a channel answered in place (MENTION_REPLY_MODE=reply), a reply to an answer is a follow-up too', async () => {
    const h = await harness({ env: { MENTION_REPLY_MODE: 'reply' } });
    const channelId = String(h.double.state.guilds[0]!.channels[0]!.id);
    h.double.sendMessage({ channelId, content: 'what did Qin Gang say about Europe?', mentionsBot: true });
    const first = await postIn(h, channelId, 1);
    h.double.sendMessage({ channelId, content: 'and Zakharova?', replyTo: createdId(first), pingReply: true });
    const second = await postIn(h, channelId, 2);
    expect((second.body as { content: string }).content).toContain('*(read with your earlier question: "what did Zakharova say about Europe?")*');
  });

  it('a reply to an answer with no buttons ("The corpus doesn\'t say.") leans on its question too', async () => {
    const h = await harness({ env: { MENTION_REPLY_MODE: 'reply' } });
    const channelId = String(h.double.state.guilds[0]!.channels[0]!.id);
    h.double.sendMessage({ channelId, content: 'what did Brazil say about the NATO office?', mentionsBot: true });
    const first = await postIn(h, channelId, 1);
    const firstId = createdId(first);
    expect((first.body as { components?: unknown[] }).components ?? []).toEqual([]);
    // A person replies once the answer is on their screen: after the bot has it back from Discord.
    for (let i = 0; i < 100 && h.bot.ctx.answerPlaces.questionOf(firstId) === undefined; i++) await new Promise((r) => setTimeout(r, 10));
    h.double.sendMessage({ channelId, content: 'and India?', replyTo: firstId, pingReply: true });
    const second = await postIn(h, channelId, 2);
    expect((second.body as { content: string }).content).toContain('*(read with your earlier question: "what did India say about the NATO office?")*');
  });
});
