import type { SVGProps } from 'react';

/** A few 16 px stroke icons (drawn inline: no icon font, no network). */
const PATHS = {
  refresh: 'M13.5 8a5.5 5.5 0 1 1-1.6-3.9M13.5 2.5v3h-3',
  up: 'M5 7v6.5M5 7l2.6-4.6a1.3 1.3 0 0 1 2.4.8L9.5 6h3.1a1.2 1.2 0 0 1 1.2 1.4l-.9 5a1.3 1.3 0 0 1-1.3 1.1H5M2.5 7H5v6.5H2.5z',
  down: 'M11 9V2.5M11 9l-2.6 4.6a1.3 1.3 0 0 1-2.4-.8L6.5 10H3.4a1.2 1.2 0 0 1-1.2-1.4l.9-5A1.3 1.3 0 0 1 4.4 2.5H11M13.5 9H11V2.5h2.5z',
  external: 'M9.5 2.5h4v4M13.5 2.5 7.5 8.5M12 9.5v3a1 1 0 0 1-1 1H3.5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3',
  alert:
    'M8 5.5v3M8 11h.01M6.9 2.6 1.7 11.7a1.3 1.3 0 0 0 1.1 1.8h10.4a1.3 1.3 0 0 0 1.1-1.8L9.1 2.6a1.3 1.3 0 0 0-2.2 0z',
  check: 'M3 8.5l3 3 7-7',
  lock: 'M4 7V5a4 4 0 0 1 8 0v2M3 7h10v6.5H3z',
  offline: 'M2 2l12 12M6.3 4.3A5.5 5.5 0 0 1 13 9.5a2.5 2.5 0 0 1-.6 1.6M3.8 6.3A3.5 3.5 0 0 0 4.5 13H11',
  search: 'M7 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zM14 14l-3.5-3.5',
  record: 'M3 2.5h7l3 3v8H3zM10 2.5v3h3M5.5 8.5h5M5.5 11h3.5',
  settings:
    'M8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4',
  back: 'M10 3 5 8l5 5',
  copy: 'M6 5.5h6.5v8H6zM4 10.5h-.5a1 1 0 0 1-1-1v-6a1 1 0 0 1 1-1h6a1 1 0 0 1 1 1V4',
  spark: 'M8 1.5v3M8 11.5v3M1.5 8h3M11.5 8h3M4 4l1.5 1.5M10.5 10.5 12 12M4 12l1.5-1.5M10.5 5.5 12 4',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, ...props }: { name: IconName } & SVGProps<SVGSVGElement>) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
