import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** Names the keys that open the panel (the seller may have changed them in chrome://extensions). */
export function ShortcutHint() {
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    void browser.commands
      .getAll()
      .then((all) => setShortcut(all.find((c) => c.name === '_execute_action')?.shortcut || ''))
      .catch(() => setShortcut(''));
  }, []);
  if (shortcut === null) return null;
  const open = () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  return (
    <span data-testid="shortcut">
      {shortcut ? (
        <>
          Press <kbd>{shortcut}</kbd> to open the panel.{' '}
        </>
      ) : (
        'No keyboard shortcut is set. '
      )}
      <button type="button" className="link" onClick={open}>
        {shortcut ? 'Change it' : 'Set one'}
      </button>
    </span>
  );
}
