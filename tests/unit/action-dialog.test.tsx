import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { HttpError, I18nContextProvider } from 'react-admin';
import { i18nProvider } from '../../src/i18n/i18nProvider';
import { ActionDialog, reasonValid, type ActionValues } from '../../src/common/ActionDialog';
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

const renderDialog = (onConfirm: (values: ActionValues) => Promise<void>) =>
  render(
    <I18nContextProvider value={i18nProvider}>
      <ActionDialog
        open
        title="强制下架：宝马 X5"
        reasons={{ codes: LISTING_DELIST_REASONS, labelPrefix: 'resources.listings.reasons' }}
        confirmLabel="强制下架"
        onClose={() => undefined}
        onConfirm={onConfirm}
      />
    </I18nContextProvider>,
  );

describe('ActionDialog with reason codes', () => {
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
    await waitFor(() => expect(onConfirm).toHaveBeenCalledWith({ reasonCode: 'false_info', note: '里程表被调过' }));
  });

  it('keeps the dialog open and shows the refusal, translated, when the database says no', async () => {
    renderDialog(async () => {
      throw new HttpError('errors.illegal_transition', 400);
    });
    fireEvent.mouseDown(screen.getByRole('combobox'));
    fireEvent.click(within(screen.getByRole('listbox')).getByText('投诉核实'));
    fireEvent.change(screen.getByRole('textbox', { name: '说明' }), { target: { value: '多次投诉' } });
    fireEvent.click(screen.getByRole('button', { name: '强制下架' }));
    expect(await screen.findByText('当前状态不允许此操作')).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
    // what was typed is still there to correct and send again
    expect((screen.getByRole('textbox', { name: '说明' }) as HTMLTextAreaElement).value).toBe('多次投诉');
  });

  it('asks for the fields it is given, each checked against its pattern', async () => {
    const onConfirm = vi.fn(async () => undefined);
    render(
      <I18nContextProvider value={i18nProvider}>
        <ActionDialog
          open
          title="打款"
          fields={[{ name: 'reference', label: '打款流水号', required: true, pattern: /^[A-Z0-9]{4,}$/ }]}
          confirmLabel="确认打款"
          onClose={() => undefined}
          onConfirm={onConfirm}
        />
      </I18nContextProvider>,
    );
    const confirm = screen.getByRole('button', { name: '确认打款' }) as HTMLButtonElement;
    const input = screen.getByRole('textbox', { name: /打款流水号/ });
    fireEvent.change(input, { target: { value: 'ab' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(input, { target: { value: ' TX2026 ' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(onConfirm).toHaveBeenCalledWith({ reasonCode: '', note: '', reference: 'TX2026' }));
  });
});
