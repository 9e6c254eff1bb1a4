import { once } from 'node:events';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  Routes,
  type ClientEvents,
  type ClientOptions,
  type Interaction,
} from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rateLimited, startDiscordDouble, type DiscordDouble, type DiscordDoubleOptions } from './double.js';

const cleanups: (() => Promise<void>)[] = [];
let clientErrors: Error[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  const errors = clientErrors;
  clientErrors = [];
  expect(errors).toEqual([]);
});

async function startDouble(options: DiscordDoubleOptions = {}): Promise<DiscordDouble> {
  const double = await startDiscordDouble(options);
  cleanups.push(() => double.close());
  return double;
}

/** Logs a real discord.js client into the double and waits for `clientReady`. */
async function loginClient(double: DiscordDouble, options: Partial<ClientOptions> = {}): Promise<Client<true>> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    rest: { api: double.apiUrl },
    ...options,
  });
  cleanups.push(() => client.destroy());
  client.on(Events.Error, (error) => clientErrors.push(error));
  const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(3000) });
  await client.login('test-token');
  await ready;
  return client as Client<true>;
}

/** The next `event` of the client (2 s at most). */
async function next<E extends keyof ClientEvents>(client: Client, event: E): Promise<ClientEvents[E]> {
  return (await once(client, event, { signal: AbortSignal.timeout(2000) })) as ClientEvents[E];
}

/** Runs `handler` on the next interaction and resolves with its result (or rejects with its error). */
function handleNext<T>(client: Client, handler: (interaction: Interaction) => Promise<T>): Promise<T> {
  return next(client, Events.InteractionCreate).then(([interaction]) => handler(interaction));
}

describe('discord double with the real discord.js Client', () => {
  it('logs in: READY, GUILD_CREATE, guild, channel and thread cached', async () => {
    const double = await startDouble();
    const client = await loginClient(double);
    const guild = double.state.guilds[0]!;
    expect(client.user.id).toBe(double.botUser.id);
    expect(client.guilds.cache.get(guild.id)?.name).toBe('Test Guild');
    expect(client.channels.cache.get(String(guild.channels[0]!.id))?.isTextBased()).toBe(true);
    expect(client.channels.cache.get(String(guild.threads[0]!.id))?.isThread()).toBe(true);
    expect(double.identifies()).toEqual([{ connection: 1, shard: [0, 1], intents: expect.any(Number) }]);
    expect(double.calls.map((c) => `${c.method} ${c.path}`)).toContain('GET /gateway/bot');
  });

  it('deferReply then editReply: callback type 5, then PATCH @original with the content', async () => {
    const double = await startDouble();
    const client = await loginClient(double);
    const handled = handleNext(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('not a command');
      await i.deferReply();
      await i.editReply('x');
      return i.options.getString('question');
    });
    const { id, token } = double.sendInteraction({ name: 'ask', options: { question: 'Who?' } });
    expect(await handled).toBe('Who?');
    const calls = double.callsFor(token);
    expect(calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
      `POST /interactions/${id}/${token}/callback 204`,
      `PATCH /webhooks/${double.state.applicationId}/${token}/messages/@original 200`,
    ]);
    expect(calls[0]!.body).toMatchObject({ type: 5 });
    expect(calls[1]!.body).toMatchObject({ content: 'x' });
    expect(double.originalMessage(token)).toMatchObject({ content: 'x', flags: 0 });
  });

  it('a second callback for one interaction is refused with 400 code 40060', async () => {
    const double = await startDouble();
    const client = await loginClient(double);
    const handled = handleNext(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('not a command');
      await i.reply('first');
      const local = await i.reply('again').catch((e: unknown) => e);
      const remote = await client.rest
        .post(Routes.interactionCallback(i.id, i.token), { body: { type: 4, data: { content: 'again' } }, auth: false })
        .catch((e: unknown) => e);
      return { local, remote };
    });
    const { token } = double.sendInteraction();
    const { local, remote } = await handled;
    expect(local).toMatchObject({ code: 'InteractionAlreadyReplied' });
    expect(remote).toBeInstanceOf(DiscordAPIError);
    expect(remote).toMatchObject({ status: 400, code: 40060 });
    expect(double.callsFor(token).map((c) => c.status)).toEqual([204, 400]);
    expect(double.originalMessage(token)).toMatchObject({ content: 'first', type: 20 });
  });

  it('Discord\'s 3 s deadline: an interaction made 3.5 s ago (ageMs) refuses its first callback with 404 10062; one made 2 s ago takes it', async () => {
    const double = await startDouble();
    const client = await loginClient(double);
    const replies: unknown[] = [];
    client.on(Events.InteractionCreate, (i) => {
      if (i.isChatInputCommand()) void i.reply('hi').then(() => replies.push(i.createdTimestamp), (e: unknown) => replies.push(e));
    });
    const late = double.sendInteraction({ ageMs: 3500 });
    const inTime = double.sendInteraction({ ageMs: 2000 });
    await double.waitForCall({ method: 'POST', path: `/interactions/${inTime.id}/${inTime.token}/callback` });
    await double.waitForCall({ method: 'POST', path: `/interactions/${late.id}/${late.token}/callback` });
    await new Promise((r) => setTimeout(r, 50));
    expect(double.callsFor(late.token).map((c) => c.status)).toEqual([404]);
    expect(double.callsFor(inTime.token).map((c) => c.status)).toEqual([204]);
    expect(replies.find((r) => r instanceof DiscordAPIError)).toMatchObject({ status: 404, code: 10062 });
    // The id carries the time Discord made the interaction, as discord.js reads it.
    const made = replies.find((r) => typeof r === 'number') as number;
    expect(Date.now() - made).toBeGreaterThanOrEqual(2000);
    // Under the 3 s deadline (the late one was made 3.5 s ago), with room for a busy machine.
    expect(Date.now() - made).toBeLessThan(3000);
  });

  it('a message mentioning the bot in a cached thread reaches messageCreate; reply, typing and startThread work', async () => {
    const double = await startDouble();
    const client = await loginClient(double);
    const guild = double.state.guilds[0]!;
    const threadId = String(guild.threads[0]!.id);
    const received = next(client, Events.MessageCreate);
    const sent = double.sendMessage({ channelId: threadId, content: 'What about NATO?', mentionsBot: true });
    const [message] = await received;
    expect(message.id).toBe(sent.id);
    expect(message.channel.isThread()).toBe(true);
    expect(message.mentions.has(client.user)).toBe(true);
    expect(message.content).toBe(`<@${client.user.id}> What about NATO?`);

    await message.channel.sendTyping();
    const echoed = next(client, Events.MessageCreate);
    const reply = await message.reply('An answer.');
    expect(reply.reference?.messageId).toBe(message.id);
    expect((await echoed)[0].author.id).toBe(client.user.id);
    await double.waitForCall({ method: 'POST', path: `/channels/${threadId}/typing` });

    const inChannel = next(client, Events.MessageCreate);
    double.sendMessage({ content: 'start a thread here' });
    const [root] = await inChannel;
    const thread = await root.startThread({ name: 'follow-up' });
    expect(thread.type).toBe(11);
    expect(client.channels.cache.get(thread.id)?.isThread()).toBe(true);
    expect(guild.threads.map((t) => t.id)).toContain(thread.id);
  });

  it('a 429 with retry-after 0.1 on the callback is retried and the reply lands exactly once', async () => {
    const double = await startDouble();
    const client = await loginClient(double);
    const fault = double.failNext({ method: 'POST', path: /\/callback$/ }, rateLimited(0.1));
    const handled = handleNext(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('not a command');
      await i.reply('hello');
    });
    const { token } = double.sendInteraction();
    await handled;
    const callbacks = double.callsFor(token);
    expect(callbacks.map((c) => c.status)).toEqual([429, 204]);
    expect(callbacks[0]!.response).toEqual({ message: 'You are being rate limited.', retry_after: 0.1, global: false });
    expect(callbacks[1]!.at - callbacks[0]!.at).toBeGreaterThanOrEqual(90);
    expect(fault.remaining).toBe(0);
    expect(double.originalMessage(token)).toMatchObject({ content: 'hello' });
    expect([...double.state.messages.values()].filter((m) => m.content === 'hello')).toHaveLength(1);
  });

  it('a button on a reply: component interaction carries the stored message; update, followUp and autocomplete', async () => {
    const double = await startDouble();
    const client = await loginClient(double);
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('more').setLabel('More').setStyle(ButtonStyle.Primary),
    );
    const replied = handleNext(client, async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'answer', components: [row] });
    });
    const command = double.sendInteraction();
    await replied;
    const messageId = double.interaction(command.token)!.originalId!;

    const clicked = handleNext(client, async (i) => {
      if (!i.isButton()) throw new Error('not a button');
      await i.update({ content: 'answer, expanded', components: [] });
      await i.followUp({ content: 'sources', ephemeral: false });
      return { customId: i.customId, messageId: i.message.id };
    });
    const button = double.sendInteraction({ type: 3, customId: 'more', messageId });
    expect(await clicked).toEqual({ customId: 'more', messageId });
    expect(double.callsFor(button.token).map((c) => `${c.method} ${c.status}`)).toEqual(['POST 204', 'POST 200']);
    expect(double.state.messages.get(messageId)).toMatchObject({ content: 'answer, expanded', components: [] });

    const completed = handleNext(client, async (i) => {
      if (!i.isAutocomplete()) throw new Error('not autocomplete');
      await i.respond([{ name: 'Japan and NATO', value: 'nato' }]);
      return i.options.getFocused();
    });
    const auto = double.sendInteraction({ type: 4, options: { question: 'nat' } });
    expect(await completed).toBe('nat');
    expect(double.callsFor(auto.token)[0]!.body).toMatchObject({ type: 8, data: { choices: [{ value: 'nato' }] } });
  });

  it('after dropConnections the client resumes and later interactions still arrive; op 7 too', async () => {
    const double = await startDouble();
    const client = await loginClient(double);
    const resumed = next(client, Events.ShardResume);
    double.dropConnections();
    const resume = await double.waitForGateway((f) => f.connection > 1 && (f.op === 6 || f.op === 2), 3000, 'RESUME');
    expect(resume.op).toBe(6);
    await resumed;

    const handled = handleNext(client, async (i) => (i.isChatInputCommand() ? i.reply('still here') : undefined));
    const { token } = double.sendInteraction();
    await handled;
    expect(double.originalMessage(token)).toMatchObject({ content: 'still here' });

    const again = next(client, Events.ShardResume);
    expect(double.requestReconnect()).toBe(1);
    await again;
    expect(double.gatewayFrames.filter((f) => f.op === 6)).toHaveLength(2);
    expect(double.identifies()).toHaveLength(1);
  });

  it('two clients with shards [0,2] and [1,2] both reach ready, each with its own guild', async () => {
    const guild0 = String(1_000_000_000n << 22n);
    const guild1 = String(1_000_000_001n << 22n);
    const double = await startDouble({ shards: 2, guilds: [{ id: guild0, name: 'zero' }, { id: guild1, name: 'one' }] });
    const [client0, client1] = await Promise.all([
      loginClient(double, { shards: 0, shardCount: 2 }),
      loginClient(double, { shards: 1, shardCount: 2 }),
    ]);
    expect(double.identifies().map((i) => i.shard).sort()).toEqual([[0, 2], [1, 2]]);
    expect([...client0.guilds.cache.keys()]).toEqual([guild0]);
    expect([...client1.guilds.cache.keys()]).toEqual([guild1]);

    const handled = handleNext(client1, async (i) => (i.isChatInputCommand() ? i.reply(`shard ${i.guild?.shardId}`) : undefined));
    const { token } = double.sendInteraction({ guildId: guild1 });
    await handled;
    expect(double.originalMessage(token)).toMatchObject({ content: 'shard 1' });
  });

  it('ephemeral defer, editReply with a file (multipart payload_json), and heartbeats are acked', async () => {
    const double = await startDouble({ heartbeatInterval: 50 });
    const client = await loginClient(double);
    const handled = handleNext(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('not a command');
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      const files = [{ attachment: Buffer.from('sources'), name: 'sources.txt' }];
      return i.editReply({ content: 'with file', files });
    });
    const { token } = double.sendInteraction();
    const edited = await handled;
    expect(edited.attachments.map((a) => a.name)).toEqual(['sources.txt']);
    expect(edited.flags.has(MessageFlags.Ephemeral)).toBe(true);
    const edit = double.callsFor(token)[1]!;
    expect(edit.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(edit.body).toMatchObject({ content: 'with file' });
    expect(edit.files).toEqual([{ field: 'files[0]', filename: 'sources.txt', size: 7, contentType: expect.any(String) }]);
    await double.waitForGateway((f) => f.op === 1, 1000, 'HEARTBEAT');
    await vi.waitFor(() => expect(client.ws.ping).toBeGreaterThanOrEqual(0), { timeout: 1000 });
  });

  it('DMs: an interaction with guildId null and a DM message, answered in the DM channel', async () => {
    const double = await startDouble();
    const client = await loginClient(double, { intents: [GatewayIntentBits.DirectMessages], partials: [Partials.Channel] });
    const handled = handleNext(client, async (i) => (i.isChatInputCommand() ? (await i.reply('in dm'), i.inGuild()) : undefined));
    const { token, payload } = double.sendInteraction({ guildId: null });
    expect(await handled).toBe(false);
    expect(double.originalMessage(token)).toMatchObject({ content: 'in dm', channel_id: payload.channel_id });
    const received = next(client, Events.MessageCreate);
    double.sendMessage({ guildId: null, channelId: String(payload.channel_id), content: 'hi' });
    const [message] = await received;
    await message.reply('hello');
    await double.waitForCall({ method: 'POST', path: `/channels/${String(payload.channel_id)}/messages` });
  });

  it('unknown routes answer 404 code 0 and are recorded', async () => {
    const double = await startDouble();
    const client = await loginClient(double);
    await expect(client.rest.get('/nowhere/at/all')).rejects.toMatchObject({ status: 404, code: 0 });
    expect(double.calls.filter((c) => c.unhandled).map((c) => c.path)).toEqual(['/nowhere/at/all']);
  });
});
