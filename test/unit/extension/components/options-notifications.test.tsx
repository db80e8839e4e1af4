import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { expect, it } from 'vitest';
import { NotificationSettings } from '../../../../extension/components/options-notifications.tsx';
import { notifyDeliveriesItem } from '../../../../extension/lib/settings.ts';

it('turns pre-meeting brief notifications off and on (on by default)', async () => {
  render(<NotificationSettings />);
  const box = screen.getByRole('checkbox', { name: 'Notify me when a pre-meeting brief is ready' });
  await waitFor(() => expect((box as HTMLInputElement).disabled).toBe(false));
  expect((box as HTMLInputElement).checked).toBe(true);
  fireEvent.click(box);
  await waitFor(async () => expect(await notifyDeliveriesItem.getValue()).toBe(false));
  expect((box as HTMLInputElement).checked).toBe(false);
  await notifyDeliveriesItem.setValue(true); // changed elsewhere: the page follows
  await waitFor(() => expect((box as HTMLInputElement).checked).toBe(true));
});
