// An HTTP server that lets one handler answer before Fastify: whatever it answers never reaches
// Fastify's routing, hooks or reply machinery. The page cache answers its hits there. The server is
// set up as Fastify sets up its own (keep-alive, request and connection timeouts).
import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { FastifyServerFactory } from 'fastify';

/** Answers the request and returns true, or returns false and leaves it untouched for Fastify. */
export type EarlyAnswer = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Whether a Cookie header (`a=1; b=2`) holds a cookie of exactly this name. An early answer must not
 * mistake `x_name=…` or a value that merely contains the name for it: both are someone else's cookie.
 * An empty value still counts, so that only the accounts capability decides what such a cookie is worth.
 */
export function hasCookie(header: string | undefined, name: string): boolean {
  if (header === undefined) return false;
  return header.split(';').some((pair) => {
    const eq = pair.indexOf('=');
    return eq >= 0 && pair.slice(0, eq).trim() === name;
  });
}

/** The slot the early handler is put in once the application knows it. */
export interface EarlyAnswers {
  answer?: EarlyAnswer;
}

interface HttpOptions {
  http?: ServerOptions | null;
  keepAliveTimeout?: number;
  requestTimeout?: number;
  connectionTimeout?: number;
  maxRequestsPerSocket?: number;
}

export function serverWithEarlyAnswers(early: EarlyAnswers): FastifyServerFactory {
  return (handler, fastifyOptions) => {
    // The options as Fastify holds them, its defaults filled in.
    const options = fastifyOptions as HttpOptions;
    const server: Server = createServer(options.http ?? {}, (req, res) => {
      if (early.answer?.(req, res) !== true) handler(req, res);
    });
    if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
    if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
    if (options.connectionTimeout !== undefined) server.setTimeout(options.connectionTimeout);
    if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    return server;
  };
}
