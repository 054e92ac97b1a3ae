// The process's structured log (pino): JSON lines by default, readable lines (pino-pretty)
// when stdout is a terminal. What is logged is chosen, never dumped: codes, names, ids and
// durations, not variables, tokens or SQL parameters (redact.ts); the paths below are a second
// guard for a field that slips into a logged object.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError } from 'graphql';
import type { YogaLogger } from 'graphql-yoga';
import { pino, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from '../config.js';
import { DomainError } from '../policy/errors.js';
import { redactForLog } from '../redact.js';

export type { Logger } from 'pino';
export type LogLevel = Config['logLevel'];

const REDACTED = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'token',
  '*.token',
  'variables',
  '*.variables',
  'params',
  '*.params',
];

/**
 * `destination`: where lines go (tests read them); by default stdout, pretty when it is a
 * terminal (a pipe or a file gets JSON lines).
 */
export function createLog(options: { level: LogLevel; destination?: DestinationStream; pretty?: boolean }): Logger {
  const settings = { level: options.level, base: { service: 'flowshare' }, redact: { paths: REDACTED, censor: '[redacted]' } };
  if (options.destination) return pino(settings, options.destination);
  const wantPretty = options.pretty ?? process.stdout.isTTY === true;
  return wantPretty
    ? pino(settings, pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' }))
    : pino(settings);
}

/** A log that writes nothing (a server started without one in a test). */
export function silentLog(): Logger {
  return pino({ level: 'silent' });
}

const REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The caller's x-request-id when it is a plain token of at most 128 characters, else a new one. */
export function requestIdOf(headers: IncomingHttpHeaders): string {
  const given = headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** The codes of a result's errors, in order, without repeats. */
export function errorCodes(errors: readonly unknown[] | undefined): string[] {
  const codes = new Set<string>();
  for (const error of errors ?? []) codes.add(codeOf(error));
  return [...codes];
}

function codeOf(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  const extensions = (error as { extensions?: { code?: unknown } } | null)?.extensions;
  if (typeof extensions?.code === 'string') return extensions.code;
  const original = (error as { originalError?: unknown } | null)?.originalError;
  if (original instanceof DomainError) return original.code;
  // graphql-js's own request errors (a variable of the wrong type) carry no code; what a
  // resolver throws is given one by maskError.
  if (error instanceof GraphQLError) return 'GRAPHQL_ERROR';
  return 'INTERNAL_SERVER_ERROR';
}

/**
 * Yoga's own logging through pino. Errors the client caused (a bad token, a malformed id, a bad
 * variable) are logged at debug level with their code only: their messages may quote the
 * client's values. What needs a person's attention stays at error level, with SQL parameters
 * taken out (redact.ts).
 */
export function yogaLog(log: Logger): YogaLogger {
  const child = log.child({ component: 'yoga' });
  const expected = (arg: unknown) =>
    arg instanceof DomainError ||
    (arg instanceof GraphQLError &&
      (arg.originalError instanceof DomainError ||
        (typeof arg.extensions?.code === 'string' && arg.extensions.code !== 'INTERNAL_SERVER_ERROR')));
  const emit =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      if (!child.isLevelEnabled(level)) return;
      const text = args.filter((a): a is string => typeof a === 'string').join(' ');
      const values = args.filter((a) => typeof a !== 'string');
      if (values.some(expected)) return child.debug({ errors: errorCodes(values) }, text || 'client error');
      const [first] = values.map(redactForLog);
      if (first === undefined) return child[level](text);
      child[level](first instanceof Error ? { err: first } : { detail: first }, text || (first instanceof Error ? first.message : ''));
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
