import { useEffect, useState } from 'react';
import { Icon } from './icons.tsx';
import { usePanelActions } from './panel-actions.ts';

/**
 * Copies what `text()` returns (built on click, so it is never stale) and says so: the icon turns
 * to a check, and a status message tells screen readers.
 */
export function CopyButton(props: { label: string; text: () => string; caption?: string }) {
  const { copyText } = usePanelActions();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await copyText(props.text());
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <>
      <button
        type="button"
        className={`icon-btn${props.caption ? '' : ' icon-only'}`}
        aria-label={props.label}
        title={props.label}
        data-copy-state={state}
        onClick={() => void copy()}
      >
        <Icon name={state === 'copied' ? 'check' : 'copy'} />
        {props.caption && <span>{state === 'copied' ? 'Copied' : props.caption}</span>}
      </button>
      <span className="sr-only" role="status">
        {state === 'copied'
          ? 'Copied as Markdown'
          : state === 'failed'
            ? 'Couldn’t copy to the clipboard'
            : ''}
      </span>
    </>
  );
}
