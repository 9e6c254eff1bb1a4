/** The REST route table of the double (paths without the `/api/v10` prefix). */
import { createMessage, editMessage } from './messages.js';
import { apiError, followUp, interactionCallback, webhookMessage, type RestRequest, type RestResult } from './rest-interactions.js';
import { isoNow, snowflake, threadObject, type DoubleState } from './state.js';
import type { Json } from './types.js';

/** What routes need besides the state. */
export interface RestEnv {
  state: DoubleState;
  gatewayUrl: () => string;
  shards: number;
  maxConcurrency: number;
  echoBotMessages: boolean;
  dispatch: (t: string, d: Json, guildId: string | null) => void;
}

type Handler = (env: RestEnv, req: RestRequest, p: Record<string, string>) => RestResult;
interface Route {
  methods: string[];
  pattern: RegExp;
  handler: Handler;
}

const routes: Route[] = [];
function route(methods: string, path: string, handler: Handler): void {
  const source = path.replace(/:(\w+)/g, '(?<$1>[^/]+)');
  routes.push({ methods: methods.split('|'), pattern: new RegExp(`^${source}/?$`), handler });
}

const unknownChannel = (): RestResult => apiError(404, 10003, 'Unknown Channel');
const unknownMessage = (): RestResult => apiError(404, 10008, 'Unknown Message');

route('GET', '/gateway', (env) => ({ status: 200, body: { url: env.gatewayUrl() } }));
route('GET', '/gateway/bot', (env) => ({
  status: 200,
  body: {
    url: env.gatewayUrl(),
    shards: env.shards,
    session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: env.maxConcurrency },
  },
}));
route('GET', '/users/@me', (env) => ({ status: 200, body: env.state.botUser }));
route('GET', '/applications/@me', ({ state }) => ({
  status: 200,
  body: { id: state.applicationId, name: state.botUser.username, icon: null, description: '', bot_public: true, bot_require_code_grant: false, bot: state.botUser, flags: 0, verify_key: '0'.repeat(64), team: null, owner: state.botUser },
}));

route('POST', '/interactions/:id/:token/callback', (env, req, p) => interactionCallback(env.state, req, p));
route('POST', '/webhooks/:app/:token', (env, req, p) => followUp(env.state, req, p));
route('GET|PATCH|DELETE', '/webhooks/:app/:token/messages/:mid', (env, req, p) => webhookMessage(env.state, req, p));

route('POST', '/channels/:cid/messages', (env, req, p) => {
  const found = env.state.channel(p.cid ?? '');
  if (!found) return unknownChannel();
  const guildId = found.guild?.id ?? null;
  // As Discord does: a nonce sent with enforce_nonce again (a retried request) returns the message the first try created.
  const nonce = req.body?.enforce_nonce === true && req.body.nonce !== undefined ? String(req.body.nonce) : undefined;
  const earlier = nonce === undefined ? undefined : [...env.state.messages.values()].find((m) => m.channel_id === String(found.channel.id) && m.nonce === nonce);
  if (earlier) return { status: 200, body: earlier };
  const message = createMessage(env.state, { channelId: String(found.channel.id), guildId, author: env.state.botUser, data: req.body ?? {}, files: req.files });
  if (req.body?.nonce !== undefined) message.nonce = req.body.nonce;
  found.channel.last_message_id = message.id;
  const member = found.guild && env.state.member(found.guild, String(env.state.botUser.id));
  if (env.echoBotMessages) env.dispatch('MESSAGE_CREATE', { ...message, ...(member ? { member } : {}) }, guildId);
  return { status: 200, body: message };
});
route('GET|PATCH|DELETE', '/channels/:cid/messages/:mid', (env, req, p) => {
  const message = env.state.messages.get(p.mid ?? '');
  if (!message || message.channel_id !== p.cid) return unknownMessage();
  if (req.method === 'GET') return { status: 200, body: message };
  if (req.method === 'DELETE') {
    env.state.messages.delete(String(message.id));
    return { status: 204 };
  }
  return { status: 200, body: editMessage(message, req.body ?? {}, req.files) };
});
route('POST', '/channels/:cid/typing', (env, _req, p) => (env.state.channel(p.cid ?? '') ? { status: 204 } : unknownChannel()));

function startThread(env: RestEnv, req: RestRequest, parentId: string, messageId: string | undefined): RestResult {
  const found = env.state.channel(parentId);
  if (!found?.guild || found.channel.type === 11) return unknownChannel();
  if (messageId !== undefined && !env.state.messages.has(messageId)) return unknownMessage();
  if (messageId !== undefined && env.state.messages.get(messageId)!.thread) return apiError(400, 160004, 'A thread has already been created for this message');
  const body = req.body ?? {};
  const thread = threadObject(found.guild.id, parentId, { id: messageId, name: String(body.name ?? 'thread') }, String(env.state.botUser.id));
  const meta = thread.thread_metadata as Json;
  if (body.auto_archive_duration !== undefined) meta.auto_archive_duration = Number(body.auto_archive_duration);
  if (body.type !== undefined) thread.type = Number(body.type);
  const botId = String(env.state.botUser.id);
  thread.member = { id: thread.id, user_id: botId, join_timestamp: isoNow(), flags: 0 };
  found.guild.threads.push(thread);
  if (messageId !== undefined) {
    const message = env.state.messages.get(messageId);
    if (message) message.thread = thread;
  }
  env.dispatch('THREAD_CREATE', { ...thread, newly_created: true }, found.guild.id);
  return { status: 201, body: thread };
}
route('POST', '/channels/:cid/messages/:mid/threads', (env, req, p) => startThread(env, req, p.cid ?? '', p.mid));
route('POST', '/channels/:cid/threads', (env, req, p) => startThread(env, req, p.cid ?? '', undefined));
route('GET', '/channels/:cid', (env, _req, p) => {
  const found = env.state.channel(p.cid ?? '');
  return found ? { status: 200, body: found.channel } : unknownChannel();
});

function commands(env: RestEnv, req: RestRequest, p: Record<string, string>): RestResult {
  if (p.app !== env.state.applicationId) return apiError(403, 50001, 'Missing Access');
  const scope = p.gid ?? 'global';
  if (req.method === 'PUT') {
    const previous = env.state.commands.get(scope) ?? [];
    const list = Array.isArray(req.body) ? (req.body as Json[]) : [];
    const saved = list.map((command) => ({
      type: 1, description: '', options: [], default_member_permissions: null, nsfw: false,
      ...command,
      id: previous.find((c) => c.name === command.name)?.id ?? snowflake(),
      application_id: env.state.applicationId,
      ...(p.gid ? { guild_id: p.gid } : {}),
      version: snowflake(),
    }));
    env.state.commands.set(scope, saved);
  }
  return { status: 200, body: env.state.commands.get(scope) ?? [] };
}
route('GET|PUT', '/applications/:app/commands', commands);
route('GET|PUT', '/applications/:app/guilds/:gid/commands', commands);

/** Finds the route for a request; undefined when none matches. */
export function matchRoute(method: string, path: string): { handler: Handler; params: Record<string, string> } | undefined {
  for (const r of routes) {
    if (!r.methods.includes(method)) continue;
    const m = r.pattern.exec(path);
    if (m) return { handler: r.handler, params: { ...m.groups } };
  }
  return undefined;
}
