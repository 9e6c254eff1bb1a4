/** Reading REST request bodies: JSON or multipart/form-data with `payload_json`. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Json, RecordedFile } from './types.js';

/** A parsed request body. */
export interface ParsedBody {
  body: Json | null;
  files: RecordedFile[];
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(text: string): Json | null {
  if (text.trim() === '') return null;
  return JSON.parse(text) as Json;
}

/** Reads and parses the body; multipart is parsed with the WHATWG `Response.formData()` of Node. */
export async function readBody(req: IncomingMessage): Promise<ParsedBody> {
  const raw = await readAll(req);
  if (raw.length === 0) return { body: null, files: [] };
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) return { body: parseJson(raw.toString('utf8')), files: [] };
  const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
  let body: Json | null = null;
  const files: RecordedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = parseJson(value);
      continue;
    }
    files.push({ field, filename: value.name, size: value.size, contentType: value.type });
  }
  return { body, files };
}

/** Writes a JSON answer (or an empty one for 204). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined || body === null) {
    res.writeHead(status, headers).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}
