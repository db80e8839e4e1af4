import type { ReactNode } from 'react';
import { Icon, type IconName } from './icons.tsx';

/** A friendly full-panel message: what happened, what to do, and the button that does it. */
export function StateScreen(props: {
  icon: IconName;
  tone?: 'neutral' | 'warning' | 'danger';
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  const tone = props.tone ?? 'neutral';
  return (
    <div className={`state state-${tone}`}>
      <div className="state-icon">
        <Icon name={props.icon} width={20} height={20} />
      </div>
      {/* Announced when it appears: the panel may change screens while the seller looks elsewhere. */}
      <div role={tone === 'danger' ? 'alert' : 'status'} className="state-text">
        <h1 className="state-title">{props.title}</h1>
        {props.children && <div className="state-body">{props.children}</div>}
      </div>
      {props.actions && <div className="state-actions">{props.actions}</div>}
    </div>
  );
}
