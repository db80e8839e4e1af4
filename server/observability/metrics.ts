import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const WORK_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120];

/** What the errors counter counts; a closed set so the label cannot grow without bound. */
export type ErrorKind = 'http_internal' | 'rate_limited' | 'section_failed' | 'engine' | 'purge' | 'indexing';

/** One app's Prometheus registry and the instruments the server records into. */
export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  sectionDuration: Histogram<'section' | 'status'>;
  modelCallDuration: Histogram<'provider' | 'model' | 'tier' | 'outcome'>;
  modelTokens: Counter<'model' | 'direction'>;
  modelThrottles: Counter<'model'>;
  errors: Counter<'kind'>;
  summaryCache: Counter<'result'>;
  summariesInFlight: Gauge;
}

/**
 * A fresh registry per app (so tests and several apps in one process never share series) with every
 * instrument registered on it. Labels carry ids of routes, sections and models, never user data.
 */
export function createMetrics(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    sectionDuration: new Histogram({
      name: 'summary_section_duration_seconds',
      help: 'Section generation, facts to saved result, by section and outcome (done, failed, gone)',
      labelNames: ['section', 'status'],
      buckets: WORK_BUCKETS,
      registers,
    }),
    modelCallDuration: new Histogram({
      name: 'model_call_duration_seconds',
      help: 'One section write by the engine (retries included) by provider, model, tier and outcome',
      labelNames: ['provider', 'model', 'tier', 'outcome'],
      buckets: WORK_BUCKETS,
      registers,
    }),
    modelTokens: new Counter({
      name: 'model_tokens_total',
      help: 'Tokens billed by the model provider, by model and direction (input, output)',
      labelNames: ['model', 'direction'],
      registers,
    }),
    modelThrottles: new Counter({
      name: 'model_throttles_total',
      help: 'Model calls the provider throttled (each retried or failed attempt counts)',
      labelNames: ['model'],
      registers,
    }),
    errors: new Counter({
      name: 'errors_total',
      help: 'Errors by kind',
      labelNames: ['kind'],
      registers,
    }),
    summaryCache: new Counter({
      name: 'summary_cache_requests_total',
      help: 'POST /v1/summaries answered by reusing a live request (hit) or starting one (miss)',
      labelNames: ['result'],
      registers,
    }),
    summariesInFlight: new Gauge({
      name: 'summaries_in_flight',
      help: 'Summary generations running in this process',
      registers,
    }),
  };
}

/** Adds the process metrics (CPU, memory, event-loop lag, GC) to the registry; once per process. */
export function enableProcessMetrics(metrics: Metrics): void {
  collectDefaultMetrics({ register: metrics.registry });
}
