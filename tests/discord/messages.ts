/** Message objects in Discord's shape, created and edited from REST bodies. */
import { isoNow, snowflake, type DoubleState, type InteractionRecord } from './state.js';
import type { Json, RecordedFile } from './types.js';

const EPHEMERAL = 64;
const LOADING = 128;

/** What a new message is made of. */
export interface MessageInput {
  channelId: string;
  guildId: string | null;
  author: Json;
  /** The REST body (`content`, `embeds`, `components`, `flags`, `message_reference`, ...). */
  data: Json;
  files?: RecordedFile[];
  /** Message type; 19 (reply) is used automatically when `data.message_reference` is set. */
  type?: number;
  member?: Json;
  mentions?: Json[];
  /** Interaction responses: the interaction, making the message a webhook message with `interaction_metadata`. */
  interaction?: InteractionRecord;
  applicationId?: string;
}

function attachments(channelId: string, files: RecordedFile[]): Json[] {
  return files.map((file) => {
    const id = snowflake();
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${file.filename}`;
    return { id, filename: file.filename, size: file.size, url, proxy_url: url, content_type: file.contentType };
  });
}

function interactionMetadata(rec: InteractionRecord, followup: boolean): Json {
  const owners = rec.guildId ? { '0': rec.guildId } : { '1': String(rec.user.id) };
  return {
    id: rec.id,
    type: rec.type,
    user: rec.user,
    authorizing_integration_owners: owners,
    ...(followup && rec.originalId ? { original_response_message_id: rec.originalId } : {}),
    ...(rec.targetMessageId ? { interacted_message_id: rec.targetMessageId } : {}),
  };
}

/** Builds a message, stores it in `state.messages` and returns it. */
export function createMessage(state: DoubleState, input: MessageInput): Json {
  const { data, channelId, guildId } = input;
  const ref = data.message_reference as Json | undefined;
  const message: Json = {
    id: snowflake(),
    channel_id: channelId,
    ...(guildId ? { guild_id: guildId } : {}),
    author: input.author,
    ...(input.member ? { member: input.member } : {}),
    content: typeof data.content === 'string' ? data.content : '',
    timestamp: isoNow(),
    edited_timestamp: null,
    tts: data.tts === true,
    mention_everyone: false,
    mentions: input.mentions ?? [],
    mention_roles: [],
    attachments: attachments(channelId, input.files ?? []),
    embeds: Array.isArray(data.embeds) ? data.embeds : [],
    components: Array.isArray(data.components) ? data.components : [],
    pinned: false,
    type: input.type ?? (ref ? 19 : 0),
    flags: Number(data.flags ?? 0),
  };
  if (ref) {
    const refId = String(ref.message_id);
    message.message_reference = { type: 0, message_id: refId, channel_id: String(ref.channel_id ?? channelId), ...(guildId ? { guild_id: guildId } : {}) };
    message.referenced_message = state.messages.get(refId) ?? null;
  }
  if (input.interaction) {
    const followup = input.interaction.originalId !== undefined;
    message.webhook_id = input.applicationId;
    message.application_id = input.applicationId;
    message.interaction_metadata = interactionMetadata(input.interaction, followup);
  }
  state.messages.set(String(message.id), message);
  return message;
}

/** Applies an edit body (PATCH, or a type 7 callback) in place and returns the message. */
export function editMessage(message: Json, data: Json, files: RecordedFile[] = []): Json {
  for (const key of ['content', 'embeds', 'components'] as const) {
    if (data[key] !== undefined) message[key] = data[key] ?? (key === 'content' ? '' : []);
  }
  const oldFlags = Number(message.flags ?? 0);
  const newFlags = data.flags === undefined ? oldFlags : Number(data.flags);
  message.flags = (newFlags | (oldFlags & EPHEMERAL)) & ~LOADING;
  if (Array.isArray(data.attachments) || files.length > 0) {
    const keepIds = new Set(((data.attachments ?? []) as Json[]).map((a) => String(a.id)));
    const kept = (message.attachments as Json[]).filter((a) => keepIds.has(String(a.id)));
    message.attachments = [...kept, ...attachments(String(message.channel_id), files)];
  }
  message.edited_timestamp = isoNow();
  return message;
}

/** A deferred (loading) original response, as created by a type 5 callback. */
export function loadingFlags(data: Json | undefined): number {
  return LOADING | (Number(data?.flags ?? 0) & EPHEMERAL);
}
