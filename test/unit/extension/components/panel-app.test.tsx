import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type PanelActions, PanelActionsContext } from '../../../../extension/components/panel-actions.ts';
import { PanelApp } from '../../../../extension/components/panel-app.tsx';
import {
  initialPanelState,
  type PanelState,
  usePanelStore,
} from '../../../../extension/stores/panel-store.ts';
import { SECTION_IDS } from '../../../../shared/sections.ts';
import { finishedFixture, summaryFixture } from '../fixtures/summary.ts';

function renderPanel(state: Partial<PanelState>) {
  usePanelStore.setState({ ...initialPanelState, backendUrl: 'http://127.0.0.1:8787', ...state }, true);
  const actions: PanelActions = {
    refresh: vi.fn(),
    retry: vi.fn(),
    chooseAccount: vi.fn(),
    clearRequest: vi.fn(),
    giveFeedback: vi.fn(async () => {}),
    openOptions: vi.fn(),
    copyText: vi.fn(async () => {}),
  };
  render(
    <PanelActionsContext value={actions}>
      <PanelApp />
    </PanelActionsContext>,
  );
  return actions;
}

const panelState = () => screen.getByTestId('panel-state').dataset.state;

beforeEach(() => usePanelStore.setState(initialPanelState, true));

describe('PanelApp with a summary', () => {
  it('renders the header and the six sections in order, each a labelled region', () => {
    renderPanel({ view: { state: 'ready' }, summary: summaryFixture });
    expect(panelState()).toBe('ready');
    expect(screen.getByTestId('account-name').textContent).toBe('Northwind Logistics');
    expect(screen.getByRole('link', { name: /northwind-logistics\.com/ })).toHaveProperty(
      'href',
      'https://www.northwind-logistics.com/',
    );
    const regions = screen.getAllByRole('region');
    expect(regions.map((r) => r.dataset.testid)).toEqual(SECTION_IDS.map((id) => `section-${id}`));
    expect(regions.map((r) => r.dataset.status)).toEqual([
      'done',
      'done',
      'done',
      'running',
      'failed',
      'pending',
    ]);
    expect(within(regions[0]!).getByRole('heading', { name: 'Executive summary' })).toBeTruthy();
  });

  it('numbers citations per section and links them to their sources', () => {
    renderPanel({ view: { state: 'ready' }, summary: summaryFixture });
    const executive = screen.getByTestId('section-executive');
    const citations = within(executive).getAllByTestId('citation');
    expect(citations.map((c) => c.textContent)).toEqual(['[1]', '[2]', '[3]', '[2]']);
    expect(citations[1]?.getAttribute('href')).toBe(
      'http://127.0.0.1:8787/lightning/r/Opportunity/006DM0000000007AAA/view',
    );
    const organization = within(screen.getByTestId('section-organization')).getAllByTestId('citation');
    expect(organization[0]?.textContent).toBe('[1]');
    expect(
      within(executive).getByRole('list', { name: 'Sources for Executive summary' }).children,
    ).toHaveLength(3);
  });

  it('marks unverified figures and shows the checks', () => {
    renderPanel({ view: { state: 'ready' }, summary: summaryFixture });
    const executive = screen.getByTestId('section-executive');
    expect(executive.querySelector('mark')?.firstChild?.textContent).toBe('41 days');
    expect(within(executive).getByText(/^1 unverified/).textContent).toMatch(/not found in the source data/);
    expect(within(screen.getByTestId('section-organization')).getByText('3 figures checked')).toBeTruthy();
  });

  it('shows progress, skeletons and per-section failures while writing', () => {
    renderPanel({ view: { state: 'ready' }, summary: { ...summaryFixture, status: 'running' } });
    expect(screen.getByText(/3 of 6 sections ready/)).toBeTruthy();
    expect(screen.getByTestId('section-pipeline').getAttribute('aria-busy')).toBe('true');
    expect(screen.getByTestId('section-support').textContent).toContain('the model did not answer in time');
    expect(screen.getByRole('button', { name: 'Refresh brief' })).toHaveProperty('disabled', true);
  });

  it('draws the consumption chart with a legend', () => {
    renderPanel({ view: { state: 'ready' }, summary: summaryFixture });
    const consumption = screen.getByTestId('section-consumption');
    expect(within(consumption).getByRole('img').getAttribute('aria-label')).toMatch(
      /Monthly spend by product/,
    );
    expect(within(consumption).getByText('Platform Enterprise')).toBeTruthy();
  });

  it('sends a thumbs up at once and asks why on a thumbs down', async () => {
    const actions = renderPanel({
      view: { state: 'ready' },
      summary: { ...summaryFixture, status: 'partial' },
      feedback: { organization: { rating: 'up', state: 'sent' } },
    });
    const executive = screen.getByTestId('section-executive');
    fireEvent.click(within(executive).getByRole('button', { name: 'Helpful: Executive summary' }));
    expect(actions.giveFeedback).toHaveBeenCalledWith('executive', 'up', {});
    const down = within(executive).getByRole('button', { name: 'Not helpful: Executive summary' });
    await vi.waitFor(() => expect(down).toHaveProperty('disabled', false));
    fireEvent.click(down);
    fireEvent.click(within(executive).getByRole('button', { name: 'Wrong number' }));
    fireEvent.click(within(executive).getByRole('button', { name: 'Send' }));
    expect(actions.giveFeedback).toHaveBeenLastCalledWith('executive', 'down', {
      reason: 'wrong_number',
      comment: '',
    });
    const remembered = within(screen.getByTestId('section-organization')).getByRole('button', {
      name: 'Helpful: Organization overview',
    });
    expect(remembered.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Helpful: the whole brief' })).toBeTruthy();
  });

  it('refreshes on request', () => {
    const actions = renderPanel({
      view: { state: 'ready' },
      summary: { ...summaryFixture, status: 'done', sections: summaryFixture.sections.slice(0, 3) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh brief' }));
    expect(actions.refresh).toHaveBeenCalled();
  });
});

describe('PanelApp states', () => {
  it.each([
    [
      { state: 'signed-out', expired: false },
      'signed-out',
      /Sign in to the demo CRM or add a token in Options/,
    ],
    [{ state: 'no-account' }, 'no-account', /Open an account record/],
    [{ state: 'loading', name: 'Acme' }, 'loading', /Preparing the brief/],
    [{ state: 'not-found' }, 'not-found', /may not have access/],
    [{ state: 'offline' }, 'offline', /at http:\/\/127\.0\.0\.1:8787/],
    [{ state: 'error', message: 'The server is busy.' }, 'error', /The server is busy\./],
    [{ state: 'no-match', query: 'Nobody' }, 'no-match', /No account named “Nobody”/],
  ] as const)('%o → data-state %s', (view, dataState, text) => {
    renderPanel({ view });
    expect(panelState()).toBe(dataState);
    expect(screen.getByTestId('panel-state').textContent).toMatch(text);
    expect(screen.queryByTestId('section-executive')).toBeNull();
  });

  it('opens Options from the signed-out screen and retries when offline', () => {
    const actions = renderPanel({ view: { state: 'signed-out', expired: true } });
    expect(screen.getByText('Your sign-in has expired')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open Options' }));
    expect(actions.openOptions).toHaveBeenCalled();
  });

  it('lets the seller pick among several matches', () => {
    const accounts = [
      {
        id: '001A',
        name: 'Acme Corp',
        industry: 'Retail',
        website: null,
        city: 'Lyon',
        country: 'FR',
        score: 1,
      },
      {
        id: '001B',
        name: 'Acme Robotics',
        industry: null,
        website: 'https://acme.io',
        city: null,
        country: null,
        score: 0.8,
      },
    ];
    const actions = renderPanel({ view: { state: 'choose-account', query: 'Acme', accounts } });
    expect(panelState()).toBe('choose-account');
    fireEvent.click(screen.getByRole('button', { name: /Acme Robotics/ }));
    expect(actions.chooseAccount).toHaveBeenCalledWith({ id: '001B', name: 'Acme Robotics' });
  });
});

describe('PanelApp, the seller’s tools', () => {
  it('copies a section, and the whole brief, as Markdown with its references', async () => {
    const actions = renderPanel({ view: { state: 'ready' }, summary: finishedFixture });
    const executive = screen.getByTestId('section-executive');
    fireEvent.click(within(executive).getByRole('button', { name: 'Copy “Executive summary” as Markdown' }));
    await vi.waitFor(() => expect(actions.copyText).toHaveBeenCalledOnce());
    const section = vi.mocked(actions.copyText).mock.calls[0]![0];
    expect(section).toMatch(/^## Executive summary\n/);
    expect(section).toMatch(/\nSources:\n\n1\. Monthly usage — Platform Enterprise — Usage · .* — http:\/\//);
    await vi.waitFor(() => expect(within(executive).getByText('Copied as Markdown')).toBeTruthy());

    fireEvent.click(screen.getByRole('button', { name: 'Copy the whole brief as Markdown' }));
    await vi.waitFor(() => expect(actions.copyText).toHaveBeenCalledTimes(2));
    const whole = vi.mocked(actions.copyText).mock.calls[1]![0];
    expect(whole).toMatch(/^# Northwind Logistics\n/);
    expect(whole.match(/^## /gm)).toHaveLength(7); // six sections + Sources
    expect(whole).toMatch(/\n## Sources\n\n1\. /);
  });

  it('says so when the clipboard refuses', async () => {
    const actions = renderPanel({ view: { state: 'ready' }, summary: finishedFixture });
    vi.mocked(actions.copyText).mockRejectedValueOnce(new Error('denied'));
    fireEvent.click(screen.getByRole('button', { name: 'Copy the whole brief as Markdown' }));
    await vi.waitFor(() => expect(screen.getByText('Couldn’t copy to the clipboard')).toBeTruthy());
  });

  it('previews a citation’s source on keyboard focus and hover; Escape dismisses it', async () => {
    renderPanel({ view: { state: 'ready' }, summary: summaryFixture });
    const executive = screen.getByTestId('section-executive');
    const [first] = within(executive).getAllByTestId('citation');
    expect(screen.queryByRole('tooltip')).toBeNull();
    fireEvent.focus(first!);
    const preview = await screen.findByRole('tooltip');
    expect(preview.textContent).toContain('Monthly usage — Platform Enterprise');
    expect(preview.textContent).toContain('Spend Dec 2025 $84,200; Feb 2026 $99,400.');
    expect(preview.textContent).toMatch(/Usage · Feb 28, 2026/);
    fireEvent.keyDown(first!, { key: 'Escape' });
    await vi.waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());
    fireEvent.mouseEnter(first!);
    await screen.findByRole('tooltip');
    fireEvent.mouseLeave(first!);
    await vi.waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());
  });

  it('shows the sections the seller chose, in their order', () => {
    renderPanel({ view: { state: 'ready' }, summary: finishedFixture, layout: ['pipeline', 'executive'] });
    expect(screen.getAllByRole('region').map((r) => r.dataset.testid)).toEqual([
      'section-pipeline',
      'section-executive',
    ]);
  });

  it('tells a seller their vote waits for the network', () => {
    renderPanel({
      view: { state: 'ready' },
      summary: finishedFixture,
      feedback: { summary: { rating: 'down', state: 'queued' } },
    });
    expect(screen.getByText(/Saved · sends when the server is reachable/)).toBeTruthy();
  });

  it('explains an offline panel showing a cached brief, and disables Refresh', () => {
    renderPanel({ view: { state: 'ready' }, summary: finishedFixture, online: false, cachedAt: Date.now() });
    expect(screen.getByTestId('notice').textContent).toMatch(
      /You’re offline\. This brief was saved just now/,
    );
    expect(screen.getByRole('button', { name: 'Refresh brief' })).toHaveProperty('disabled', true);
  });

  it('says “offline” rather than “server down” when the browser is offline', () => {
    renderPanel({ view: { state: 'offline' }, online: false });
    expect(screen.getByRole('status').textContent).toMatch(/You’re offline/);
  });

  it('announces sections as they finish, not the whole panel', () => {
    const running = {
      ...finishedFixture,
      status: 'running' as const,
      sections: finishedFixture.sections.map((s, i) => (i < 2 ? s : { ...s, status: 'running' as const })),
    };
    renderPanel({ view: { state: 'ready' }, summary: running });
    expect(screen.getByTestId('panel-state').getAttribute('aria-live')).toBeNull();
    act(() =>
      usePanelStore.setState({
        summary: {
          ...running,
          sections: finishedFixture.sections.slice(0, 3).concat(running.sections.slice(3)),
        },
      }),
    );
    expect(screen.getByTestId('live-status').textContent).toBe('Product consumption ready.');
    act(() => usePanelStore.setState({ summary: finishedFixture }));
    expect(screen.getByTestId('live-status').textContent).toBe(
      'Opportunity pipeline ready. Investments and support ready. Recommended next steps ready. Brief complete.',
    );
  });
});
