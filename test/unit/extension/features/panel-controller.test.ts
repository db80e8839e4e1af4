import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPanelController, type PanelDeps } from '../../../../extension/features/panel-controller.ts';
import { EMPTY_TAB, type TabState, withPage } from '../../../../extension/features/tab-state.ts';
import { type ApiClient, ApiFailure } from '../../../../extension/lib/api-client.ts';
import { initialPanelState, usePanelStore } from '../../../../extension/stores/panel-store.ts';
import { finishedFixture } from '../fixtures/summary.ts';

const SESSION = { backendUrl: 'http://127.0.0.1:8787', token: 'tok', user: 'alice@example.com' };
const ACCOUNT_TAB: TabState = withPage(EMPTY_TAB, 'u', {
  accountId: finishedFixture.accountId,
  crm: 'salesforce-lightning',
  url: 'u',
  title: 'Northwind Logistics | Salesforce',
});

function setup(getSummary: ApiClient['getSummary'] = async () => finishedFixture) {
  const client = {
    createSummary: vi.fn(async () => ({ requestId: finishedFixture.requestId, status: 'pending' as const })),
    getSummary: vi.fn(getSummary),
    searchAccounts: vi.fn(),
    sendFeedback: vi.fn(async () => {}),
  } as unknown as ApiClient;
  const deps: PanelDeps = {
    store: usePanelStore,
    makeClient: () => client,
    getCached: vi.fn(async () => null),
    putCached: vi.fn(async () => {}),
    rememberedFeedback: vi.fn(async () => ({})),
    giveFeedback: vi.fn(async () => {}),
    onUnauthorized: vi.fn(async () => {}),
    send: vi.fn(async () => {}),
    pollIntervalMs: 1,
  };
  return { client, deps, controller: createPanelController(deps) };
}

const state = () => usePanelStore.getState().view.state;

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
    await vi.waitFor(() => expect(deps.putCached).toHaveBeenCalledWith('alice@example.com', finishedFixture));
    expect(state()).toBe('ready');
    expect(usePanelStore.getState().summary).toBe(finishedFixture);
  });

  it('shows a fresh cached brief without asking the server', async () => {
    const { controller, deps, client } = setup();
    vi.mocked(deps.getCached).mockResolvedValue({ summary: finishedFixture, savedAt: 123 });
    controller.setSession(SESSION);
    controller.setTab(1, ACCOUNT_TAB);
    await vi.waitFor(() => expect(state()).toBe('ready'));
    expect(usePanelStore.getState().cachedAt).toBe(123);
    expect(client.createSummary).not.toHaveBeenCalled();
  });

  it('does not reload when nothing relevant changed, but refresh skips the cache', async () => {
    const { controller, deps, client } = setup();
    vi.mocked(deps.getCached).mockResolvedValue({ summary: finishedFixture, savedAt: 123 });
    controller.setSession(SESSION);
    controller.setTab(1, ACCOUNT_TAB);
    controller.setTab(1, { ...ACCOUNT_TAB });
    await vi.waitFor(() => expect(state()).toBe('ready'));
    expect(deps.getCached).toHaveBeenCalledOnce();
    controller.refresh();
    await vi.waitFor(() => expect(client.createSummary).toHaveBeenCalledOnce());
    expect(vi.mocked(client.createSummary).mock.calls[0]![0]).toMatchObject({ refresh: true });
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
    expect(usePanelStore.getState().summary).toBeNull();
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

  it('sends feedback for the shown summary and remembers it', async () => {
    const { controller, deps } = setup();
    controller.setSession(SESSION);
    controller.setTab(1, ACCOUNT_TAB);
    await vi.waitFor(() => expect(state()).toBe('ready'));
    await controller.giveFeedback('executive', 'down', { reason: 'outdated' });
    expect(deps.giveFeedback).toHaveBeenCalledWith(expect.anything(), {
      requestId: finishedFixture.requestId,
      target: 'executive',
      rating: 'down',
      reason: 'outdated',
    });
    expect(usePanelStore.getState().feedback).toEqual({ executive: 'down' });
  });
});
