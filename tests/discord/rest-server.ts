/** The HTTP side of the double: each request becomes a recorded call answered by a fault or a route. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultTable } from './faults.js';
import { readBody, sendJson } from './http-body.js';
import type { Recorder } from './recorder.js';
import { matchRoute, type RestEnv } from './rest-routes.js';
import type { RecordedCall } from './types.js';

/** What {@link handleRest} works with. */
export interface RestServerDeps {
  env: RestEnv;
  faults: FaultTable;
  log: Recorder<RecordedCall>;
}

/** Decodes the path (`%40original` → `@original`) and drops the `/api/v10` prefix. */
export function apiPath(pathname: string): string {
  return pathname.split('/').map(decodeURIComponent).join('/').replace(/^\/api(\/v\d+)?/, '') || '/';
}

/** Answers one request: an injected fault first, else the route, else 404 code 0; records the call before answering. */
export async function handleRest(deps: RestServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = (req.method ?? 'GET').toUpperCase();
  const call: RecordedCall = {
    method, path: '', query: Object.fromEntries(url.searchParams), body: null, files: [], headers: req.headers,
    at: 0, status: 0, response: null, faulted: false, unhandled: false,
  };
  let headers: Record<string, string> = {};
  try {
    call.path = apiPath(url.pathname);
    Object.assign(call, await readBody(req), { at: performance.now() });
    const fault = deps.faults.take(call);
    const route = fault && !fault.processed ? undefined : matchRoute(method, call.path);
    if (fault?.processed && route) route.handler(deps.env, call, route.params);
    if (fault) {
      Object.assign(call, { status: fault.status, response: fault.body, faulted: true });
      headers = fault.headers;
    } else if (!route) {
      Object.assign(call, { status: 404, response: { message: '404: Not Found', code: 0 }, unhandled: true });
    } else {
      const result = route.handler(deps.env, call, route.params);
      Object.assign(call, { status: result.status, response: result.body ?? null });
    }
  } catch (error) {
    const message = `discord double failed: ${String(error)}`;
    Object.assign(call, { path: call.path || url.pathname, at: call.at || performance.now(), status: 500, response: { message, code: 0 } });
  }
  deps.log.push(call);
  sendJson(res, call.status, call.response, headers);
}
