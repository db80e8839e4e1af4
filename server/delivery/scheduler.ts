import { currentLog } from '../observability/logger.ts';
import {
  closeOut,
  type DueMeeting,
  dueMeetings,
  type LeasedDelivery,
  leaseMeeting,
  meetingOwners,
  recordDueMeetings,
  slackUserIdOf,
  updateDelivery,
} from './delivery-store.ts';
import { type BriefDeps, prepareBrief } from './prepare-brief.ts';
import { type Brief, briefMessage } from './slack-message.ts';
import { classifySlackError, type SlackSender } from './slack-sender.ts';

/** The server's structured logger; `level` and `msg` of an entry pick the method and message. */
function structuredLog({ level, msg, ...fields }: Record<string, unknown>): void {
  const method = level === 'error' || level === 'warn' ? level : 'info';
  currentLog()[method](fields, String(msg));
}

export interface DeliveryOptions {
  /** Meetings starting within this many minutes get their brief prepared and delivered. */
  windowMinutes: number;
  intervalSeconds: number;
  /** Attempts per delivery (generation + send) before it is given up. */
  maxAttempts: number;
  /** Delay before the first retry; doubles per attempt up to retryCapMs. */
  retryBaseMs?: number;
  retryCapMs?: number;
  /** How long a worker holds a row; a crashed worker's rows are picked up after it. */
  leaseMs?: number;
  /** Meetings worked per tick, soonest first. */
  batch?: number;
  retainDays?: number;
}

export interface DeliverySchedulerDeps extends BriefDeps {
  /** Posts to Slack; absent = browser notifications only. */
  slack?: SlackSender | null;
  now?: () => Date;
  /** One JSON-able entry per event: ids, states and reasons, never brief text. */
  log?: (entry: Record<string, unknown>) => void;
}

export interface TickResult {
  recorded: number;
  delivered: number;
  failed: number;
}

export interface DeliveryScheduler {
  /** One pass: record new meetings, then prepare and deliver what is due. Overlapping calls share a pass. */
  tick(): Promise<TickResult>;
  /** Ticks now and then every intervalSeconds. */
  start(): void;
  /** Stops ticking and waits for the pass in progress (it ends after the meeting it is on). */
  stop(): Promise<void>;
}

/**
 * Proactive delivery: before each upcoming meeting, its owner (the seller) gets the account's brief
 * in the browser feed (GET /v1/deliveries) and, with Slack configured and a Slack user id on file,
 * as a Slack message. Idempotent across ticks, restarts and processes (see delivery-store.ts).
 */
export function createDeliveryScheduler(
  deps: DeliverySchedulerDeps,
  options: DeliveryOptions,
): DeliveryScheduler {
  const clock = deps.now ?? (() => new Date());
  const log = deps.log ?? structuredLog;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  let running: Promise<TickResult> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function retryAt(attempts: number): Date | null {
    if (attempts >= options.maxAttempts) return null;
    const delay = Math.min(
      options.retryCapMs ?? 15 * 60_000,
      (options.retryBaseMs ?? 60_000) * 2 ** (attempts - 1),
    );
    return new Date(clock().getTime() + delay);
  }

  async function fail(row: LeasedDelivery, error: unknown, result: TickResult): Promise<void> {
    const retryable = (error as { retryable?: boolean }).retryable ?? true;
    const message = error instanceof Error ? error.message : String(error);
    const next = retryable ? retryAt(row.attempts) : null;
    if (
      !(await updateDelivery(deps.db, row, clock(), leaseMs, {
        status: 'failed',
        error: message,
        retryAt: next,
      }))
    )
      return;
    result.failed++;
    log({
      level: 'warn',
      msg: 'delivery failed',
      delivery: row.id,
      channel: row.channel,
      attempts: row.attempts,
      retryAt: next?.toISOString() ?? null,
      error: message,
    });
  }

  async function send(
    row: LeasedDelivery,
    meeting: DueMeeting,
    brief: Brief,
    result: TickResult,
  ): Promise<void> {
    if (row.channel === 'browser') {
      // The browser feed serves it from here on: recording it is the delivery.
      if (!(await updateDelivery(deps.db, row, clock(), leaseMs, { status: 'delivered' }))) return;
      result.delivered++;
      log({
        level: 'info',
        msg: 'brief delivered',
        delivery: row.id,
        channel: 'browser',
        activity: meeting.activityId,
        user: meeting.userId,
      });
      return;
    }
    const target = await slackUserIdOf(deps.db, meeting.userId);
    if (!deps.slack || !target)
      return fail(
        row,
        Object.assign(new Error('no Slack configured for the seller'), { retryable: false }),
        result,
      );
    if (!(await updateDelivery(deps.db, row, clock(), leaseMs, { status: 'sending' }))) return;
    let sent: { channel: string; ts: string };
    try {
      sent = await deps.slack.post(target, briefMessage(brief, deps.publicUrl));
    } catch (error) {
      return fail(row, classifySlackError(error), result);
    }
    if (!(await updateDelivery(deps.db, row, clock(), leaseMs, { status: 'delivered', slack: sent }))) return;
    result.delivered++;
    log({
      level: 'info',
      msg: 'brief delivered',
      delivery: row.id,
      channel: 'slack',
      activity: meeting.activityId,
      user: meeting.userId,
    });
  }

  async function deliver(meeting: DueMeeting, result: TickResult): Promise<void> {
    const leased = await leaseMeeting(deps.db, meeting, clock(), leaseMs);
    if (!leased.length) return; // another worker took it
    let brief: Brief;
    try {
      ({ brief } = await prepareBrief(deps, meeting, leased, clock()));
    } catch (error) {
      for (const row of leased) await fail(row, error, result);
      return;
    }
    for (const row of leased) await send(row, meeting, brief, result);
  }

  async function pass(): Promise<TickResult> {
    const result: TickResult = { recorded: 0, delivered: 0, failed: 0 };
    const now = clock();
    await closeOut(deps.db, now, options.retainDays ?? 30);
    const window = { from: now, to: new Date(now.getTime() + options.windowMinutes * 60_000) };
    for (const owner of await meetingOwners(deps.db, window.from, window.to)) {
      result.recorded += await recordDueMeetings(deps.db, owner, window, Boolean(deps.slack));
    }
    for (const meeting of await dueMeetings(deps.db, now, options.batch ?? 20)) {
      if (stopped) break;
      try {
        await deliver(meeting, result);
      } catch (error) {
        // A database hiccup on one meeting: its lease runs out and a later tick takes it up again.
        log({
          level: 'error',
          msg: 'delivery pass failed',
          activity: meeting.activityId,
          error: String(error),
        });
      }
    }
    return result;
  }

  const scheduler: DeliveryScheduler = {
    tick() {
      running ??= pass().finally(() => {
        running = null;
      });
      return running;
    },
    start() {
      if (timer || stopped) return;
      const run = () =>
        void scheduler
          .tick()
          .catch((error) => log({ level: 'error', msg: 'delivery tick failed', error: String(error) }));
      timer = setInterval(run, options.intervalSeconds * 1000);
      timer.unref();
      run();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
  return scheduler;
}
