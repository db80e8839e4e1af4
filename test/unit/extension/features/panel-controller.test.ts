import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPanelController, type PanelDeps } from '../../../../extension/features/panel-controller.ts';
import { EMPTY_TAB, type TabState, withPage } from '../../../../extension/features/tab-state.ts';
import { type ApiClient, ApiFailure } from '../../../../extension/lib/api-client.ts';
import { initialPanelState, usePanelStore } from '../../../../extension/stores/panel-store.ts';
import type { SummaryResponse } from '../../../../shared/api.ts';
import { finishedFixture } from '../fixtures/summary.ts';

const ALICE = 'alice@example.com @ http://127.0.0.1:8787';
const SESSION = { backendUrl: 'http://127.0.0.1:8787', token: 'tok', user: 'alice@example.com' };
const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 4, 9);
const tabFor = (accountId: string, title = 'Northwind Logistics | Salesforce'): TabState =>
  withPage(EMPTY_TAB, `u/${accountId}`, { accountId, crm: 'salesforce-lightning', url: 'u', title });
const ACCOUNT_TAB = tabFor(finishedFixture.accountId);
const OTHER: SummaryResponse = {
  ...finishedFixture,
  requestId: 'other-request',
  accountId: '001DM0000000002AAA',
  account: { ...finishedFixture.account, id: '001DM0000000002AAA', name: 'Contoso' },
};
const OTHER_TAB = tabFor(OTHER.accountId, 'Contoso | Salesforce');

function setup(
  getSummary: ApiClient['getSummary'] = async (id) => (id === 'other-request' ? OTHER : finishedFixture),
) {
  let clock = T0;
  const client = {
    createSummary: vi.fn(async ({ accountId }: { accountId: string }) => ({
      requestId: accountId === OTHER.accountId ? OTHER.requestId : finishedFixture.requestId,
      status: 'pending' as const,
    })),
    getSummary: vi.fn(getSummary),
    openSummaryEvents: vi.fn(async () => Promise.reject(new ApiFailure('bad-response', 'no stream'))),
    searchAccounts: vi.fn(),
    sendFeedback: vi.fn(async () => {}),
  } as unknown as ApiClient;
  const deps: PanelDeps = {
    store: usePanelStore,
    makeClient: () => client,
    getCached: vi.fn(async () => null),
    putCached: vi.fn(async () => {}),
    rememberedFeedback: vi.fn(async () => ({})),
    giveFeedback: vi.fn(async () => 'sent' as const),
    onFeedbackQueued: vi.fn(),
    onUnauthorized: vi.fn(async () => {}),
    send: vi.fn(async () => {}),
    pollIntervalMs: 1,
    now: () => clock,
  };
  const tick = (ms: number) => {
    clock += ms;
  };
  return { client, deps, tick, controller: createPanelController(deps) };
}

const state = () => usePanelStore.getState().view.state;
const shown = () => usePanelStore.getState().summary;

beforeEach(() => usePanelStore.setState(initialPanelState, true));

describe('panel controller', () => {
  it('shows signed-out without a token, without calling the server', () => {
    const { controller, client } = setup();
    controller.setSession({ ...SESSION, token: null });
    controller.setTab(1, ACCOUNT_TAB);
    expect(state()).toBe('signed-out');
    expect(client.createSummary).not.toHaveBeenCalled();
  });

  it('shows no-account on a page without one', () => {
    const { controller } = setup();
    controller.setSession(SESSION);
    controller.setTab(1, withPage(EMPTY_TAB, 'u', null));
    expect(state()).toBe('no-account');
  });

  it('loads, caches a finished brief and becomes ready', async () => {
    const { controller, deps } = setup();
    controller.setSession(SESSION);
    controller.setTab(1, ACCOUNT_TAB);
    expect(usePanelStore.getState().view).toEqual({ state: 'loading', name: 'Northwind Logistics' });
    await vi.waitFor(() => expect(deps.putCached).toHaveBeenCalledWith(ALICE, finishedFixture));
    expect(state()).toBe('ready');
    expect(shown()).toBe(finishedFixture);
  });

  it('shows a fresh cached brief without asking the server', async () => {
    const { controller, deps, client } = setup();
    vi.mocked(deps.getCached).mockResolvedValue({ summary: finishedFixture, savedAt: 123, stale: false });
    controller.setSession(SESSION);
    controller.setTab(1, ACCOUNT_TAB);
    await vi.waitFor(() => expect(state()).toBe('ready'));
    expect(deps.getCached).toHaveBeenCalledWith(ALICE, finishedFixture.accountId, 10);
    expect(usePanelStore.getState().cachedAt).toBe(123);
    expect(client.createSummary).not.toHaveBeenCalled();
  });

  it('shows a stale cached brief at once, revalidates it, then shows and caches the new one', async () => {
    let answer!: (s: SummaryResponse) => void;
    const { controller, deps, client } = setup(() => new Promise((r) => (answer = r)));
    const stale = { ...finishedFixture, requestId: 'old' };
    vi.mocked(deps.getCached).mockResolvedValue({ summary: stale, savedAt: 5, stale: true });
    controller.setSession(SESSION);
    controller.setTab(1, ACCOUNT_TAB);
    await vi.waitFor(() => expect(client.getSummary).toHaveBeenCalled());
    expect(usePanelStore.getState()).toMatchObject({ summary: stale, cachedAt: 5, revalidating: true });
    answer(finishedFixture);
    await vi.waitFor(() => expect(shown()).toBe(finishedFixture));
    expect(usePanelStore.getState()).toMatchObject({ cachedAt: null, revalidating: false });
    expect(deps.putCached).toHaveBeenCalledWith(ALICE, finishedFixture);
  });

  it('keeps a stale brief on screen, with a notice, when revalidating fails', async () => {
    const { controller, deps } = setup(() => Promise.reject(new ApiFailure('server', 'boom', 500)));
    vi.mocked(deps.getCached).mockResolvedValue({ summary: finishedFixture, savedAt: 5, stale: true });
    controller.setSession(SESSION);
    controller.setTab(1, ACCOUNT_TAB);
    await vi.waitFor(() => expect(usePanelStore.getState().notice).toMatch(/Couldn’t get a newer brief/));
    expect(state()).toBe('ready');
    expect(shown()).toBe(finishedFixture);
  });

  it('keeps each tab’s brief across tab switches: no second request, instant return', async () => {
    const { controller, client } = setup();
    controller.setSession(SESSION);
    controller.setTab(1, ACCOUNT_TAB);
    await vi.waitFor(() => expect(shown()).toBe(finishedFixture));
    controller.setTab(2, OTHER_TAB);
    await vi.waitFor(() => expect(shown()).toBe(OTHER));
    controller.setTab(1, ACCOUNT_TAB);
    // Synchronously: the kept brief is on screen before anything is awaited.
    expect(shown()).toBe(finishedFixture);
    expect(client.createSummary).toHaveBeenCalledTimes(2);
  });

  it('lists the finished briefs it keeps, for the panel to keep rendered', async () => {
    const { controller } = setup();
    controller.setSession(SESSION);
    controller.setTab(1, ACCOUNT_TAB);
    await vi.waitFor(() => expect(shown()).toBe(finishedFixture));
    controller.setTab(2, OTHER_TAB);
    await vi.waitFor(() => expect(shown()).toBe(OTHER));
    expect(usePanelStore.getState().kept.map((k) => k.summary)).toEqual([finishedFixture, OTHER]);
    controller.setSession({ ...SESSION, user: 'bob@example.com' });
    expect(usePanelStore.getState().kept.map((k) => k.summary)).not.toContain(finishedFixture);
  });

  it('reads other tabs’ cached briefs ahead without the network, and revalidates a stale one when shown', async () => {
    const { controller, deps, client } = setup();
    vi.mocked(deps.getCached).mockImplementation(async (_user, accountId) =>
      accountId === OTHER.accountId ? { summary: OTHER, savedAt: T0 - 6 * MIN, stale: true } : null,
    );
    controller.setSession(SESSION);
    controller.setTab(1, ACCOUNT_TAB);
    await vi.waitFor(() => expect(shown()).toBe(finishedFixture));
    controller.prefetch([
      { accountId: OTHER.accountId, name: 'Contoso' },
      { accountId: '001NOCACHE', name: null },
    ]);
    await vi.waitFor(() => expect(usePanelStore.getState().kept.map((k) => k.summary)).toContain(OTHER));
    expect(client.createSummary).toHaveBeenCalledOnce();
    controller.setTab(2, OTHER_TAB);
    expect(shown()).toBe(OTHER); // at once, from memory
    expect(usePanelStore.getState()).toMatchObject({ cachedAt: T0 - 6 * MIN, revalidating: true });
    await vi.waitFor(() => expect(client.createSummary).toHaveBeenCalledTimes(2));
    expect(vi.mocked(client.createSummary).mock.calls[1]![0]).toMatchObject({ accountId: OTHER.accountId });
  });

  it('lets a brief being written keep going while another tab is shown', async () => {
    let answer!: (s: SummaryResponse) => void;
    const { controller, client } = setup(async (id) =>
      id === OTHER.requestId ? OTHER : new Promise((r) => (answer = r)),
    );
    controller.setSession(SESSION);
    controller.setTab(1, ACCOUNT_TAB);
    await vi.waitFor(() => expect(client.getSummary).toHaveBeenCalled());
    controller.setTab(2, OTHER_TAB);
    await vi.waitFor(() => expect(shown()).toBe(OTHER));
    answer(finishedFixture); // arrives while tab 2 is shown: must not show there
    await new Promise((r) => setTimeout(r, 5));
    expect(shown()).toBe(OTHER);
    controller.setTab(1, ACCOUNT_TAB);
    expect(shown()).toBe(finishedFixture);
    expect(client.createSummary).toHaveBeenCalledTimes(2);
  });

  it('drops a kept brief past the TTL, and everything when the seller changes', async () => {
    const { controller, client, tick } = setup();
    controller.setSession(SESSION);
    controller.setTtl(10);
    controller.setTab(1, ACCOUNT_TAB);
    await vi.waitFor(() => expect(shown()).toBe(finishedFixture));
    controller.setTab(2, OTHER_TAB);
    tick(10 * MIN);
    controller.setTab(1, ACCOUNT_TAB);
    expect(state()).toBe('loading');
    await vi.waitFor(() => expect(client.createSummary).toHaveBeenCalledTimes(3));
    await vi.waitFor(() => expect(state()).toBe('ready'));
    controller.setSession({ ...SESSION, user: 'bob@example.com' });
    expect(state()).toBe('loading');
  });

  it('prunes out-of-sight briefs past the TTL, but not the one on screen', async () => {
    const { controller, tick } = setup();
    controller.setSession(SESSION);
    controller.setTab(1, ACCOUNT_TAB);
    await vi.waitFor(() => expect(shown()).toBe(finishedFixture));
    controller.setTab(2, OTHER_TAB);
    await vi.waitFor(() => expect(shown()).toBe(OTHER));
    tick(10 * MIN);
    controller.prune();
    expect(usePanelStore.getState().kept.map((k) => k.summary)).toEqual([OTHER]);
    expect(shown()).toBe(OTHER);
  });

  it('asks only for the sections the seller shows, and reloads when one is added', async () => {
    const { controller, client } = setup();
    controller.setSession(SESSION);
    controller.setLayout(['pipeline', 'executive']);
    controller.setTab(1, ACCOUNT_TAB);
    await vi.waitFor(() => expect(state()).toBe('ready'));
    expect(vi.mocked(client.createSummary).mock.calls[0]![0]).toMatchObject({
      sections: ['pipeline', 'executive'],
    });
    controller.setLayout(['pipeline']);
    expect(client.createSummary).toHaveBeenCalledOnce();
    const partial = { ...finishedFixture, sections: finishedFixture.sections.slice(3, 4) };
    vi.mocked(client.getSummary).mockResolvedValue(partial);
    controller.setTab(2, OTHER_TAB);
    await vi.waitFor(() => expect(shown()).toBe(partial));
    controller.setLayout(['pipeline', 'support']);
    await vi.waitFor(() => expect(client.createSummary).toHaveBeenCalledTimes(3));
  });

  it('says offline without calling the server, and loads by itself once back online', async () => {
    const { controller, client } = setup();
    controller.setOnline(false);
    controller.setSession(SESSION);
    controller.setTab(1, ACCOUNT_TAB);
    await vi.waitFor(() => expect(state()).toBe('offline'));
    expect(client.createSummary).not.toHaveBeenCalled();
    controller.setOnline(true);
    await vi.waitFor(() => expect(state()).toBe('ready'));
  });

  it('shows a cached brief while offline', async () => {
    const { controller, deps } = setup();
    vi.mocked(deps.getCached).mockResolvedValue({ summary: finishedFixture, savedAt: 5, stale: true });
    controller.setOnline(false);
    controller.setSession(SESSION);
    controller.setTab(1, ACCOUNT_TAB);
    await vi.waitFor(() => expect(usePanelStore.getState().notice).toMatch(/offline/));
    expect(state()).toBe('ready');
    expect(shown()).toBe(finishedFixture);
  });

  it.each([
    [new ApiFailure('not-found', 'account not found', 404), 'not-found'],
    [new ApiFailure('offline', 'down'), 'offline'],
    [new ApiFailure('bad-request', 'accountId: bad', 400), 'error'],
  ])('maps %s to the %s state', async (failure, expected) => {
    const { controller } = setup(() => Promise.reject(failure));
    controller.setSession(SESSION);
    controller.setTab(1, ACCOUNT_TAB);
    await vi.waitFor(() => expect(state()).toBe(expected));
    expect(shown()).toBeNull();
  });

  it('keeps the brief on screen when a refresh fails', async () => {
    const { controller, client } = setup();
    controller.setSession(SESSION);
    controller.setTab(1, ACCOUNT_TAB);
    await vi.waitFor(() => expect(state()).toBe('ready'));
    vi.mocked(client.createSummary).mockRejectedValueOnce(new ApiFailure('server', 'down', 503));
    controller.refresh();
    expect(usePanelStore.getState().refreshing).toBe(true);
    await vi.waitFor(() =>
      expect(usePanelStore.getState().notice).toMatch(/newer brief: The server ran into a problem/),
    );
    expect(vi.mocked(client.createSummary).mock.calls[1]![0]).toMatchObject({ refresh: true });
    expect(shown()).toBe(finishedFixture);
  });

  it('forgets an expired token on 401', async () => {
    const { controller, deps } = setup(() => Promise.reject(new ApiFailure('signed-out', 'expired', 401)));
    controller.setSession(SESSION);
    controller.setTab(1, ACCOUNT_TAB);
    await vi.waitFor(() => expect(deps.onUnauthorized).toHaveBeenCalled());
    expect(usePanelStore.getState().view).toEqual({ state: 'signed-out', expired: true });
  });

  it('shows lookups from the context menu and forwards the choice', () => {
    const { controller, deps } = setup();
    controller.setSession(SESSION);
    controller.setTab(4, { page: null, request: { kind: 'choices', query: 'Acme', accounts: [] } });
    expect(state()).toBe('choose-account');
    controller.chooseAccount({ id: '001A', name: 'Acme' });
    expect(deps.send).toHaveBeenCalledWith({
      type: 'panel:choose-account',
      tabId: 4,
      account: { id: '001A', name: 'Acme' },
    });
  });

  it('sends feedback for the shown summary, remembers it, and schedules a retry when queued', async () => {
    const { controller, deps, client } = setup();
    controller.setSession(SESSION);
    controller.setTab(1, ACCOUNT_TAB);
    await vi.waitFor(() => expect(state()).toBe('ready'));
    await controller.giveFeedback('executive', 'down', { reason: 'outdated' });
    expect(deps.giveFeedback).toHaveBeenCalledWith(expect.any(Function), {
      user: ALICE,
      requestId: finishedFixture.requestId,
      target: 'executive',
      rating: 'down',
      reason: 'outdated',
    });
    await vi.mocked(deps.giveFeedback).mock.calls[0]![0]({ requestId: 'r', rating: 'up' });
    expect(client.sendFeedback).toHaveBeenCalledWith({ requestId: 'r', rating: 'up' });
    expect(usePanelStore.getState().feedback).toEqual({ executive: { rating: 'down', state: 'sent' } });
    expect(deps.onFeedbackQueued).not.toHaveBeenCalled();

    vi.mocked(deps.giveFeedback).mockResolvedValueOnce('queued');
    await controller.giveFeedback('summary', 'up');
    expect(usePanelStore.getState().feedback.summary).toEqual({ rating: 'up', state: 'queued' });
    expect(deps.onFeedbackQueued).toHaveBeenCalledOnce();
    vi.mocked(deps.rememberedFeedback).mockResolvedValueOnce({ summary: { rating: 'up', state: 'sent' } });
    await controller.reloadFeedback();
    expect(usePanelStore.getState().feedback).toEqual({ summary: { rating: 'up', state: 'sent' } });
  });
});
