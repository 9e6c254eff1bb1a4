/** REST routes of interaction responses: the callback and the interaction webhook. */
import { createMessage, editMessage, loadingFlags } from './messages.js';
import { CALLBACK_DEADLINE_MS, snowflakeTime, type DoubleState, type InteractionRecord } from './state.js';
import type { Json, RecordedFile } from './types.js';

/** A REST request as the routes see it. */
export interface RestRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Json | null;
  files: RecordedFile[];
}

/** A REST answer: status and JSON body (none for 204). */
export interface RestResult {
  status: number;
  body?: unknown;
}

/** A Discord JSON error answer. */
export const apiError = (status: number, code: number, message: string): RestResult => ({ status, body: { message, code } });

const unknownInteraction = (): RestResult => apiError(404, 10062, 'Unknown interaction');
const unknownWebhook = (): RestResult => apiError(404, 10015, 'Unknown Webhook');
const unknownMessage = (): RestResult => apiError(404, 10008, 'Unknown Message');

function responseMessage(state: DoubleState, rec: InteractionRecord, data: Json, files: RecordedFile[]): Json {
  return createMessage(state, {
    channelId: rec.channelId, guildId: rec.guildId, author: state.botUser, data, files,
    type: rec.type === 2 && rec.originalId === undefined ? 20 : 0,
    interaction: rec, applicationId: state.applicationId,
  });
}

/** POST /interactions/{id}/{token}/callback: types 4, 5, 6, 7, 8, 9 (and 10, 12 accepted as-is); 10062 once the 3 s deadline has passed. */
export function interactionCallback(state: DoubleState, req: RestRequest, p: Record<string, string>): RestResult {
  const rec = state.interactions.get(p.token ?? '');
  if (!rec || rec.id !== p.id) return unknownInteraction();
  if (rec.callbackType === undefined && Date.now() - snowflakeTime(rec.id) > CALLBACK_DEADLINE_MS) return unknownInteraction();
  if (rec.callbackType !== undefined) return apiError(400, 40060, 'Interaction has already been acknowledged.');
  const type = Number(req.body?.type);
  const data = (req.body?.data ?? {}) as Json;
  const target = rec.targetMessageId ? state.messages.get(rec.targetMessageId) : undefined;
  let message: Json | undefined;
  if (type === 4) {
    message = responseMessage(state, rec, data, req.files);
  } else if (type === 5) {
    message = responseMessage(state, rec, { flags: loadingFlags(data) }, []);
  } else if (type === 6 || type === 7) {
    if (!target) return apiError(400, 50035, 'Invalid Form Body: interaction has no message to update');
    message = type === 7 ? editMessage(target, data, req.files) : target;
  } else if (type === 8 || type === 9) {
    rec.callbackData = data;
  } else if (type !== 10 && type !== 12) {
    return apiError(400, 50035, `Invalid Form Body: unknown callback type ${String(req.body?.type)}`);
  }
  rec.callbackType = type;
  if (message) rec.originalId = String(message.id);
  if (req.query.with_response !== 'true') return { status: 204 };
  const flags = Number(message?.flags ?? 0);
  return {
    status: 200,
    body: {
      interaction: {
        id: rec.id, type: rec.type, activity_instance_id: null,
        response_message_id: message?.id ?? null,
        response_message_loading: (flags & 128) !== 0,
        response_message_ephemeral: (flags & 64) !== 0,
      },
      resource: { type, ...(message ? { message } : {}) },
    },
  };
}

function webhookInteraction(state: DoubleState, p: Record<string, string>): InteractionRecord | undefined {
  if (p.app !== state.applicationId) return undefined;
  return state.interactions.get(p.token ?? '');
}

/** POST /webhooks/{appId}/{token}: a follow-up message (answered 200 with `?wait=true`, else 204). */
export function followUp(state: DoubleState, req: RestRequest, p: Record<string, string>): RestResult {
  const rec = webhookInteraction(state, p);
  if (!rec || rec.callbackType === undefined) return unknownWebhook();
  const message = responseMessage(state, rec, req.body ?? {}, req.files);
  rec.followupIds.push(String(message.id));
  return req.query.wait === 'true' ? { status: 200, body: message } : { status: 204 };
}

/** GET/PATCH/DELETE /webhooks/{appId}/{token}/messages/{@original|id}. */
export function webhookMessage(state: DoubleState, req: RestRequest, p: Record<string, string>): RestResult {
  const rec = webhookInteraction(state, p);
  if (!rec) return unknownWebhook();
  const id = p.mid === '@original' ? rec.originalId : p.mid;
  const owned = id !== undefined && (id === rec.originalId || rec.followupIds.includes(id));
  const message = owned ? state.messages.get(id) : undefined;
  if (!message || id === undefined) return unknownMessage();
  if (req.method === 'GET') return { status: 200, body: message };
  if (req.method === 'DELETE') {
    state.messages.delete(id);
    if (id === rec.originalId) rec.originalId = undefined;
    else rec.followupIds = rec.followupIds.filter((f) => f !== id);
    return { status: 204 };
  }
  return { status: 200, body: editMessage(message, req.body ?? {}, req.files) };
}
