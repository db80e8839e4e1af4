import { Session } from 'node:inspector/promises';
import { table } from '../stats.ts';

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

/**
 * Runs fn under V8's sampling heap profiler, counting objects the young and old collectors have
 * already freed too: garbage collection is a quarter of a summary's CPU, and what it collects is
 * what was allocated, not what stays alive.
 */
export async function allocationProfiled<T>(fn: () => Promise<T>): Promise<{ value: T; head: SamplingNode }> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  try {
    const value = await fn();
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as {
      profile: { head: SamplingNode };
    };
    return { value, head: profile.head };
  } finally {
    session.disconnect();
  }
}

/** Where a frame's code lives, as in cpu-profile.ts but kept to the first application or package frame. */
function short(url: string): string {
  return url.replace(/^.*\/(server\/|node_modules\/|bench\/|shared\/)/, '$1').replace(/^file:\/\/.*\//, '');
}

/**
 * Allocated bytes a summary by the nearest application or package frame (Node internals count for
 * their caller: a Buffer made by pg is pg's) and by the allocating function itself.
 */
export function printAllocations(head: SamplingNode, summaries: number, label: string): void {
  const byOwner = new Map<string, number>();
  const bySite = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  let total = 0;
  const visit = (node: SamplingNode, owner: string) => {
    const { url, functionName, lineNumber } = node.callFrame;
    const mine = url && !url.startsWith('node:') ? short(url) : '';
    const here = mine ? `${functionName || '(anonymous)'} ${mine}` : owner;
    if (node.selfSize) {
      total += node.selfSize;
      add(byOwner, here || functionName || '(root)', node.selfSize);
      add(bySite, `${functionName || '(anonymous)'} ${mine || url}:${lineNumber + 1}`, node.selfSize);
    }
    for (const child of node.children) visit(child, here);
  };
  visit(head, '');
  const top = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 20)
      .map(([k, bytes]) => [
        k,
        (bytes / summaries / 1024).toFixed(0),
        `${((100 * bytes) / total).toFixed(0)}%`,
      ]);
  console.log(`\nAllocations, ${label}: ${(total / summaries / 1024).toFixed(0)} KiB a summary (sampled)\n`);
  console.log(table(['nearest application or package frame', 'KiB/summary', 'share'], top(byOwner)));
  console.log();
  console.log(table(['allocating function', 'KiB/summary', 'share'], top(bySite)));
}
