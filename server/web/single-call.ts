// One tRPC call over HTTP answered straight from Node's request (docs/decisions/0005): the bids that
// crowd at an auction's close are single calls, and tRPC's Node adapter spends about a third of such a
// call turning Node's request into a fetch Request and the Response back into Node's (`npm run bench`,
// figure 2). This answers a call of one procedure — plain or a batch of one, JSON in and out — with
// tRPC's own public pieces (callTRPCProcedure, getTRPCErrorShape, transformTRPCResponse,
// getHTTPStatusCode), so the procedure, its middlewares, input parsing and the error formatter run as
// they do under the adapter. Anything else (batches of several, other content types, streaming, an
// unknown path, the wrong method) goes to the adapter untouched; server/web/single-call.test.ts
// checks the two answer alike, byte for byte.
import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AnyTRPCRouter, TRPCError, callTRPCProcedure, getTRPCErrorFromUnknown, getTRPCErrorShape, transformTRPCResponse } from '@trpc/server';
import { getHTTPStatusCode } from '@trpc/server/http';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface SingleCallOptions<TContext> {
  router: AnyTRPCRouter;
  /** The path the procedures sit under, with its trailing slash: '/api/trpc/'. */
  basePath: string;
  maxBodySize: number;
  createContext: (req: IncomingMessage) => Promise<TContext>;
  onError: (opts: { error: TRPCError; path: string; type: string; input: unknown; ctx: TContext | undefined }) => void;
  /** tRPC's own adapter, for every request this does not take. */
  fallback: Handler;
}

type ProcedureType = 'query' | 'mutation' | 'subscription';

export function createSingleCallHandler<TContext>(opts: SingleCallOptions<TContext>): Handler {
  const config = opts.router._def._config;
  const procedures = opts.router._def.procedures as Record<string, { _def: { type: ProcedureType } } | undefined>;

  return (req, res) => {
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const search = new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
    let path: string;
    try {
      path = decodeURIComponent(url.slice(opts.basePath.length, q === -1 ? undefined : q));
    } catch {
      return opts.fallback(req, res);
    }
    const type = Object.hasOwn(procedures, path) ? procedures[path]?._def.type : undefined;
    const contentType = req.headers['content-type'];
    const taken =
      (type === 'query' && req.method === 'GET' && (contentType === undefined || contentType.startsWith('application/json'))) ||
      (type === 'mutation' && req.method === 'POST' && contentType?.startsWith('application/json') === true);
    // Streaming answers (httpBatchStreamLink) ask by this header; they stay with the adapter.
    if (!taken || req.headers['trpc-accept'] !== undefined) return opts.fallback(req, res);
    const body = type === 'mutation' ? readBody(req, opts.maxBodySize) : Promise.resolve(search.get('input') || undefined);
    body.catch(() => undefined); // read (and refused) only if the procedure asks for its input
    void answer(req, res, path, type, search.get('batch') === '1', body);
  };

  async function answer(req: IncomingMessage, res: ServerResponse, path: string, type: 'query' | 'mutation', isBatch: boolean, body: Promise<string | undefined>) {
    let ctx: TContext | undefined;
    let input: unknown;
    let response: { result: { data: unknown } } | { error: unknown };
    try {
      ctx = await opts.createContext(req);
      // As tRPC's JSON reader: read only when the procedure asks, a batch's input under "0", input that
      // cannot be read refused as BAD_REQUEST with the reader's message.
      const readInput = async () => {
        const text = await body;
        const inputs: unknown = text === undefined ? undefined : JSON.parse(text);
        if (inputs === undefined) return undefined;
        if (!isBatch) return (input = config.transformer.input.deserialize(inputs));
        if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) throw new TRPCError({ code: 'BAD_REQUEST', message: '"input" needs to be an object when doing a batch call' });
        const first = (inputs as Record<string, unknown>)[0];
        return (input = first === undefined ? undefined : config.transformer.input.deserialize(first));
      };
      const getRawInput = () =>
        readInput().catch((cause: unknown) => {
          if (cause instanceof TRPCError) throw cause;
          throw new TRPCError({ code: 'BAD_REQUEST', message: cause instanceof Error ? cause.message : 'Invalid input', cause });
        });
      const data: unknown = await callTRPCProcedure({ router: opts.router, path, getRawInput, ctx, type, signal: undefined, batchIndex: 0 });
      response = { result: { data } };
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      opts.onError({ error, path, type, input, ctx });
      response = { error: getTRPCErrorShape({ config, ctx, error, input, path, type }) };
    }
    const json = isBatch ? [response] : response;
    res.statusCode = getHTTPStatusCode(json as Parameters<typeof getHTTPStatusCode>[0]);
    res.setHeader('vary', 'trpc-accept, accept');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(transformTRPCResponse(config, json as Parameters<typeof transformTRPCResponse>[1])));
  }
}

/** The request's body as text; a body over the limit is refused as the adapter refuses it. */
function readBody(req: IncomingMessage, maxBodySize: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodySize) chunks.push(chunk);
    });
    req.on('end', () => (size > maxBodySize ? reject(new TRPCError({ code: 'PAYLOAD_TOO_LARGE' })) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}
