import autocannon from 'autocannon';

export interface ApiLoad {
  label: string;
  connections: number;
  requestsPerSec: number;
  p50: number;
  p97_5: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** Plain request throughput of one GET route for `durationS` seconds (no generation involved). */
export async function apiLoad(options: {
  label: string;
  url: string;
  path: string;
  token?: string;
  connections: number;
  durationS: number;
}): Promise<ApiLoad> {
  const result = await autocannon({
    url: `${options.url}${options.path}`,
    connections: options.connections,
    duration: options.durationS,
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
  });
  return {
    label: options.label,
    connections: options.connections,
    requestsPerSec: result.requests.average,
    // autocannon's latency percentiles do not include p95; p97.5 is the nearest it reports.
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
