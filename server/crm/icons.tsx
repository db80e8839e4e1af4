/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Object icons in the spirit of SLDS standard icons: a coloured tile with a white glyph, so each
// object type is recognisable at a glance, as in Lightning.

export type IconName =
  | 'account'
  | 'contact'
  | 'opportunity'
  | 'case'
  | 'event'
  | 'call'
  | 'email'
  | 'note'
  | 'document'
  | 'insight'
  | 'investment'
  | 'feature'
  | 'usage';

const ICONS: Record<IconName, { color: string; path: string }> = {
  account: {
    color: '#5867e8',
    path: 'M4 21V4a1 1 0 0 1 1-1h9a1 1 0 0 1 1 1v5h4a1 1 0 0 1 1 1v11h-6v-4h-4v4zM7 6v2h2V6zm4 0v2h2V6zm-4 4v2h2v-2zm4 0v2h2v-2zm5 2v2h2v-2zm0 4v2h2v-2z',
  },
  contact: { color: '#a094ed', path: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 8c0-3.3 3.1-6 7-6s7 2.7 7 6z' },
  opportunity: { color: '#fcb95b', path: 'M3 7l4.5 4L12 4l4.5 7L21 7l-2 11H5z' },
  case: {
    color: '#f2cf5b',
    path: 'M9 4h6a1 1 0 0 1 1 1v2h4a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h4V5a1 1 0 0 1 1-1zm1 3h4V6h-4z',
  },
  event: {
    color: '#eb7092',
    path: 'M5 5h2V3h2v2h6V3h2v2h2a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 5v9h12v-9z',
  },
  call: {
    color: '#48c3cc',
    path: 'M6.6 10.8a15 15 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.6 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.6 3.6a1 1 0 0 1-.25 1z',
  },
  email: { color: '#95aec5', path: 'M2 7l10 7 10-7v11H2zm0-1.5h20L12 12.5z' },
  note: { color: '#e6d478', path: 'M5 3h14v12l-6 6H5zm8 12v4.5l4.5-4.5zM8 7v1.5h8V7zm0 4v1.5h8V11z' },
  document: {
    color: '#baac93',
    path: 'M6 2h8l5 5v14a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zm7 1.5V8h4.5zM8 12v1.5h8V12zm0 4v1.5h8V16z',
  },
  insight: {
    color: '#3c97dd',
    path: 'M12 2a7 7 0 0 0-4 12.7V17h8v-2.3A7 7 0 0 0 12 2zM9 19h6v1.5a1.5 1.5 0 0 1-1.5 1.5h-3A1.5 1.5 0 0 1 9 20.5z',
  },
  investment: {
    color: '#3cc2b3',
    path: 'M11 3h2v2.1c1.9.3 3.3 1.5 3.5 3.4h-2.1c-.2-.9-1-1.5-2.4-1.5-1.5 0-2.3.6-2.3 1.4 0 .9.8 1.3 2.7 1.7 2.5.5 4.3 1.3 4.3 3.6 0 2-1.5 3.2-3.7 3.5V19h-2v-1.9c-2.2-.3-3.8-1.6-3.9-3.6h2.1c.2 1 1.1 1.7 2.8 1.7 1.6 0 2.5-.7 2.5-1.5 0-.9-.7-1.4-2.8-1.8-2.4-.5-4.2-1.3-4.2-3.4 0-1.8 1.4-3.1 3.5-3.4z',
  },
  feature: { color: '#e9696e', path: 'M5 3h2v18H5zm3 1h10l-2 4 2 4H8z' },
  usage: { color: '#04844b', path: 'M4 20V4h2v14h14v2zm4-4v-5h2v5zm4 0V8h2v8zm4 0v-7h2v7z' },
};

export function ObjectIcon(props: { name: IconName; size?: number }) {
  const { color, path } = ICONS[props.name];
  const size = props.size ?? 32;
  return (
    <span class="icon" style={`background:${color};width:${size}px;height:${size}px`} aria-hidden="true">
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path fill-rule="evenodd" d={path} />
      </svg>
    </span>
  );
}

/** A generic cloud mark for the demo CRM (deliberately not anyone's logo). */
export function CloudMark() {
  return (
    <svg viewBox="0 0 60 42" aria-hidden="true">
      <path
        fill="#00a1e0"
        d="M25 6a11 11 0 0 1 17.6 3.4A13 13 0 1 1 47 34.7 9.5 9.5 0 0 1 34 38.8a11 11 0 0 1-20-1.2A10 10 0 0 1 6.3 22.3 11 11 0 0 1 25 6z"
      />
    </svg>
  );
}
