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
  return (
    <div className={`state state-${props.tone ?? 'neutral'}`}>
      <div className="state-icon">
        <Icon name={props.icon} width={20} height={20} />
      </div>
      <h1 className="state-title">{props.title}</h1>
      {props.children && <div className="state-body">{props.children}</div>}
      {props.actions && <div className="state-actions">{props.actions}</div>}
    </div>
  );
}
