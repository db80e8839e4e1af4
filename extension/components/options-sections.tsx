import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { SECTION_TITLES, type SectionId } from '../../shared/sections.ts';
import { DEFAULT_SECTIONS, type SectionPreference, sectionsItem } from '../lib/settings.ts';
import { moveSection, normalizeSections, setSectionVisible } from '../lib/settings-validation.ts';
import { useStorageItem } from './options-use-item.ts';

/**
 * Which sections the panel shows and in what order. Reordering works with the arrow buttons or,
 * on a focused row, Alt+↑ / Alt+↓; focus follows the moved section and a live region says where it went.
 */
export function SectionSettings() {
  const id = useId();
  const stored = useStorageItem(sectionsItem);
  // Shown at once, written behind: the list must not lag a keypress while storage catches up.
  const [prefs, setPrefs] = useState<SectionPreference[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const rows = useRef(new Map<SectionId, HTMLLIElement>());
  useEffect(() => {
    if (stored !== undefined) setPrefs(normalizeSections(stored));
  }, [stored]);
  if (!prefs) return null;
  const visibleCount = prefs.filter((s) => s.visible).length;

  function save(next: SectionPreference[]) {
    setPrefs(next);
    void sectionsItem.setValue(next);
  }

  function move(section: SectionId, by: -1 | 1, focus: 'row' | 'up' | 'down') {
    if (!prefs) return;
    const next = moveSection(prefs, section, by);
    const position = next.findIndex((s) => s.id === section) + 1;
    save(next);
    setAnnouncement(`${SECTION_TITLES[section]} moved to position ${position} of ${next.length}.`);
    // Keep focus on what the seller is moving; fall back to the row when the button is now disabled.
    requestAnimationFrame(() => {
      const row = rows.current.get(section);
      const button = row?.querySelector<HTMLButtonElement>(`[data-move="${focus}"]:not(:disabled)`);
      (button ?? row)?.focus();
    });
  }

  function onKeyDown(e: KeyboardEvent, section: SectionId) {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(section, e.key === 'ArrowUp' ? -1 : 1, 'row');
  }

  return (
    <section className="group" aria-labelledby={`${id}-h`} data-testid="section-settings">
      <h2 id={`${id}-h`}>Sections</h2>
      <p className="hint" id={`${id}-help`}>
        Untick what you do not need; reorder with the arrows, or Alt+↑ and Alt+↓ on a focused row.
      </p>
      <ol className="section-list" aria-describedby={`${id}-help`}>
        {prefs.map((s, i) => (
          <li
            key={s.id}
            ref={(el) => {
              if (el) rows.current.set(s.id, el);
              else rows.current.delete(s.id);
            }}
            tabIndex={-1}
            data-section={s.id}
            onKeyDown={(e) => onKeyDown(e, s.id)}
          >
            <label>
              <input
                type="checkbox"
                checked={s.visible}
                // The last visible section stays: an empty panel helps nobody.
                disabled={s.visible && visibleCount === 1}
                onChange={(e) => save(setSectionVisible(prefs, s.id, e.target.checked))}
              />
              {SECTION_TITLES[s.id]}
            </label>
            <span className="row">
              <button
                type="button"
                className="btn btn-ghost icon"
                data-move="up"
                aria-label={`Move ${SECTION_TITLES[s.id]} up`}
                disabled={i === 0}
                onClick={() => move(s.id, -1, 'up')}
              >
                ↑
              </button>
              <button
                type="button"
                className="btn btn-ghost icon"
                data-move="down"
                aria-label={`Move ${SECTION_TITLES[s.id]} down`}
                disabled={i === prefs.length - 1}
                onClick={() => move(s.id, 1, 'down')}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="row end">
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            save(DEFAULT_SECTIONS.map((s) => ({ ...s })));
            setAnnouncement('Sections reset to the default order, all shown.');
          }}
        >
          Reset
        </button>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
