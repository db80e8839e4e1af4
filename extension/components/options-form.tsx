import type { FormEvent, ReactNode } from 'react';

/** What saving a setting did, or what is wrong with what was typed. */
export type Note = { text: string; error?: boolean } | null;

/** The status line under a setting; a live region, so screen readers hear each new note. */
export function NoteLine({ id, note, fallback = '' }: { id?: string; note: Note; fallback?: string }) {
  return (
    <p id={id} className={note?.error ? 'hint error' : 'hint'} role="status">
      {note?.text ?? fallback}
    </p>
  );
}

/** One settings group: a form named by its heading, its fields, then its status line (`${id}-note`). */
export function SettingsForm(props: {
  id: string;
  title: string;
  testId: string;
  onSubmit: (e: FormEvent) => void;
  note: Note;
  hint: string;
  children: ReactNode;
}) {
  const { id } = props;
  return (
    <form
      className="group"
      onSubmit={props.onSubmit}
      noValidate
      aria-labelledby={`${id}-h`}
      data-testid={props.testId}
    >
      <h2 id={`${id}-h`}>{props.title}</h2>
      {props.children}
      <NoteLine id={`${id}-note`} note={props.note} fallback={props.hint} />
    </form>
  );
}
