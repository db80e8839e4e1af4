import { AsyncLocalStorage } from 'node:async_hooks';
import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';

export type { Logger };
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * The server's structured logger: one JSON object a line (`level` as a word, ISO `time`, `msg`).
 * What goes in is ids, names, counts and durations; never request bodies, prompts, facts or
 * generated text. A test passes a `destination` (any object with `write(line)`) to capture lines.
 */
export function createLogger(options: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  const settings: LoggerOptions = {
    level: options.level ?? 'info',
    base: { service: 'account-summaries' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Belt and braces: no code logs these, but a stray object must not carry a token out.
    redact: { paths: ['authorization', '*.authorization', 'token', '*.token'], censor: '[redacted]' },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

const scope = new AsyncLocalStorage<Logger>();
let fallback: Logger | undefined;

/**
 * The logger of the work in progress: inside a request (and the summary generation it starts, which
 * inherits the request's async context) a child carrying its ids; elsewhere a process default.
 */
export function currentLog(): Logger {
  const active = scope.getStore();
  if (active) return active;
  fallback ??= createLogger();
  return fallback;
}

/** Runs fn with `logger` as currentLog() for everything it does, awaited work included. */
export function withLog<T>(logger: Logger, fn: () => T): T {
  return scope.run(logger, fn);
}

/** The logger in scope, or `logger` when none is (outside any request). */
export function scopedOr(logger: Logger): Logger {
  return scope.getStore() ?? logger;
}
