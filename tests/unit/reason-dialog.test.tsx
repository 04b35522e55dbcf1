import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nContextProvider } from 'react-admin';
import { i18nProvider } from '../../src/i18n/i18nProvider';
import { ReasonDialog, reasonValid } from '../../src/listings/ReasonDialog';
import { LISTING_DELIST_REASONS } from '../../src/listings/choices';

describe('reasonValid', () => {
  it('needs a code, and a note for "other"', () => {
    expect(reasonValid('', 'text')).toBe(false);
    expect(reasonValid('false_info', '')).toBe(true);
    expect(reasonValid('other', '  ')).toBe(false);
    expect(reasonValid('other', '看描述')).toBe(true);
    expect(reasonValid('false_info', 'x'.repeat(501))).toBe(false);
  });
});

const renderDialog = (onConfirm: (code: string, note: string) => Promise<void>) =>
  render(
    <I18nContextProvider value={i18nProvider}>
      <ReasonDialog
        open
        title="强制下架：宝马 X5"
        reasons={LISTING_DELIST_REASONS}
        labelPrefix="resources.listings.reasons"
        confirmLabel="强制下架"
        onClose={() => undefined}
        onConfirm={onConfirm}
      />
    </I18nContextProvider>,
  );

describe('ReasonDialog', () => {
  it('enables confirm only with a reason, and passes code and trimmed note', async () => {
    const onConfirm = vi.fn(async () => undefined);
    renderDialog(onConfirm);
    const confirm = screen.getByRole('button', { name: '强制下架' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.mouseDown(screen.getByRole('combobox'));
    fireEvent.click(within(screen.getByRole('listbox')).getByText('车况描述不实'));
    fireEvent.change(screen.getByRole('textbox', { name: '说明' }), { target: { value: '  里程表被调过  ' } });
    expect((confirm as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(onConfirm).toHaveBeenCalledWith('false_info', '里程表被调过'));
  });

  it('keeps the dialog open and shows the refusal when the database says no', async () => {
    renderDialog(async () => {
      throw new Error('当前状态不允许此操作');
    });
    fireEvent.mouseDown(screen.getByRole('combobox'));
    fireEvent.click(within(screen.getByRole('listbox')).getByText('投诉核实'));
    fireEvent.click(screen.getByRole('button', { name: '强制下架' }));
    expect(await screen.findByText('当前状态不允许此操作')).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});
