import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PanelActionsContext } from '../../components/panel-actions.ts';
import { PanelApp } from '../../components/panel-app.tsx';
import { startPanel } from '../../features/panel-setup.ts';
import '../../styles/theme.css';
import '../../styles/panel.css';
import '../../styles/section.css';
import '../../styles/card-footer.css';
import '../../styles/chart.css';
import '../../styles/states.css';

const { actions } = startPanel(location.search);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PanelActionsContext value={actions}>
      <PanelApp />
    </PanelActionsContext>
  </StrictMode>,
);
