import { describe, expect, it, vi } from 'vitest';
import {
  coversLayout,
  normalizeLayout,
  readSectionLayout,
  watchSectionLayout,
} from '../../../../extension/features/section-layout.ts';
import { sectionsItem } from '../../../../extension/lib/settings.ts';
import { SECTION_IDS } from '../../../../shared/sections.ts';

describe('section layout', () => {
  it.each([
    ['nothing set', undefined, SECTION_IDS],
    ['garbage', 42, SECTION_IDS],
    ['an empty list (never a blank panel)', [], SECTION_IDS],
    [
      'Options’ {id, visible} list, in its order, hidden ones left out',
      [
        { id: 'support', visible: true },
        { id: 'executive', visible: false },
        { id: 'pipeline', visible: true },
        { id: 'bogus', visible: true },
      ],
      ['support', 'pipeline', 'organization', 'consumption', 'recommendations'],
    ],
    ['everything hidden (shows everything)', SECTION_IDS.map((id) => ({ id, visible: false })), SECTION_IDS],
  ] as const)('%s', (_, raw, expected) => {
    expect(normalizeLayout(raw)).toEqual(expected);
  });

  it('reads the setting and follows its changes', async () => {
    expect(await readSectionLayout()).toEqual(SECTION_IDS);
    const seen = vi.fn();
    const stop = watchSectionLayout(seen);
    await sectionsItem.setValue(SECTION_IDS.map((id) => ({ id, visible: id === 'pipeline' })));
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith(['pipeline']));
    expect(await readSectionLayout()).toEqual(['pipeline']);
    stop();
  });

  it('tells whether a brief holds every shown section', () => {
    const sections = [{ id: 'executive' }, { id: 'pipeline' }];
    expect(coversLayout(sections, ['pipeline'])).toBe(true);
    expect(coversLayout(sections, ['pipeline', 'support'])).toBe(false);
  });
});
