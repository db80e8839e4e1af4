import {
  type KnownBlock,
  type Logger,
  LogLevel,
  type RetryOptions,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebClient,
} from '@slack/web-api';
import { currentLog } from '../observability/logger.ts';

/** Posts one message to a Slack user (a DM from the app) or channel. */
export interface SlackSender {
  post(
    channel: string,
    message: { text: string; blocks: KnownBlock[] },
  ): Promise<{ channel: string; ts: string }>;
}

/** A failed post: `retryable` says whether trying again later may succeed. */
export class SlackDeliveryError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'SlackDeliveryError';
  }
}

export interface SlackSenderOptions {
  /** Bot token (xoxb-…). */
  token: string;
  /** Web API base URL (default Slack's); tests point it at a local server. */
  apiUrl?: string;
  /**
   * The SDK's own retries of one post (network errors, 5xx, and 429s after waiting the Retry-After
   * seconds). Default: 3 retries, 1 s doubling to at most 30 s.
   */
  retryConfig?: RetryOptions;
  timeoutMs?: number;
}

const RETRYABLE = new Set([
  'ratelimited',
  'rate_limited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);
const AUTH = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive']);
const RECIPIENT = new Set([
  'channel_not_found',
  'user_not_found',
  'is_archived',
  'not_in_channel',
  'cannot_dm_bot',
]);

/** Maps what the SDK throws to a content-free reason and whether a later attempt may succeed. */
export function classifySlackError(error: unknown): SlackDeliveryError {
  if (error instanceof SlackDeliveryError) return error;
  if (error instanceof WebAPIPlatformError) {
    const code = String(error.data.error);
    if (AUTH.has(code))
      return new SlackDeliveryError(
        code,
        `slack: ${code} (the bot token was rejected; check SLACK_BOT_TOKEN)`,
        false,
      );
    if (RECIPIENT.has(code))
      return new SlackDeliveryError(
        code,
        `slack: ${code} (check the user's slack_user_id in delivery_targets)`,
        false,
      );
    if (code === 'missing_scope')
      return new SlackDeliveryError(code, 'slack: missing_scope (the bot token needs chat:write)', false);
    return new SlackDeliveryError(code, `slack: ${code}`, RETRYABLE.has(code));
  }
  if (error instanceof WebAPIRateLimitedError)
    return new SlackDeliveryError(
      'rate_limited',
      `slack: rate limited (retry after ${error.retryAfter} s)`,
      true,
    );
  if (error instanceof WebAPIHTTPError)
    return new SlackDeliveryError(
      `http_${error.statusCode}`,
      `slack: HTTP ${error.statusCode}`,
      error.statusCode >= 500 || error.statusCode === 429,
    );
  const message = error instanceof Error ? error.message : String(error);
  // Network failures and exhausted SDK retries: worth another attempt later.
  return new SlackDeliveryError('request_failed', `slack: ${message.slice(0, 200)}`, true);
}

/**
 * The SDK's log lines through the server's structured logger, without its debug level: that one
 * prints request bodies, which here would be the executive summary.
 */
function sdkLogger(): Logger {
  let level = LogLevel.INFO;
  const line =
    (method: 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      if (method !== 'info' || level === LogLevel.INFO) currentLog()[method](`slack sdk: ${msg.join(' ')}`);
    };
  return {
    debug: () => {},
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/** A sender over the official SDK (`WebClient`), pointed at `apiUrl`. */
export function createSlackSender(options: SlackSenderOptions): SlackSender {
  const client = new WebClient(options.token, {
    slackApiUrl: options.apiUrl ?? 'https://slack.com/api/',
    retryConfig: options.retryConfig ?? {
      retries: 3,
      factor: 2,
      minTimeout: 1_000,
      maxTimeout: 30_000,
      randomize: true,
    },
    timeout: options.timeoutMs ?? 10_000,
    logger: sdkLogger(),
  });
  return {
    async post(channel, message) {
      try {
        const result = await client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
        });
        return { channel: result.channel ?? channel, ts: result.ts ?? '' };
      } catch (error) {
        throw classifySlackError(error);
      }
    },
  };
}
