import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext, HttpError, RecordContextProvider, ResourceContextProvider, testDataProvider } from 'react-admin';
import { i18nProvider } from '../../src/i18n/i18nProvider';
import { canAccess } from '../../src/providers/access';
import { RefundButton, TRADE_REFUND_REASONS } from '../../src/trades/RefundButton';
import * as trades from '../../src/trades/messages';

const trade = { id: 't1', status: 'closed', amount_fen: 12345600, listing_title: '宝马 X5 2023款', member_nickname: '张三' };

function renderButton(role: string, record: Record<string, unknown>, rpc = vi.fn(async () => ({ ...trade, status: 'refunded' }))) {
  const authProvider = {
    login: async () => undefined,
    logout: async () => undefined,
    checkAuth: async () => undefined,
    checkError: async () => undefined,
    getPermissions: async () => ({ role }),
    canAccess: async ({ resource, action }: { resource: string; action: string }) => canAccess(role, resource, action),
  };
  render(
    <AdminContext dataProvider={{ ...testDataProvider(), rpc }} authProvider={authProvider} i18nProvider={i18nProvider}>
      <ResourceContextProvider value="trades">
        <RecordContextProvider value={record}>
          <RefundButton />
          <span>已加载</span>
        </RecordContextProvider>
      </ResourceContextProvider>
    </AdminContext>,
  );
  return rpc;
}

describe('trade refund', () => {
  it('labels every reason in both languages', () => {
    for (const code of TRADE_REFUND_REASONS) {
      expect(trades.zh.resources.trades.refund_reasons[code], code).toBeTruthy();
      expect(trades.en.resources.trades.refund_reasons[code], code).toBeTruthy();
    }
  });

  it('confirms with the amount in ¥ and a coded reason, then calls trade_refund', async () => {
    const rpc = renderButton('customer_service', trade);
    fireEvent.click(await screen.findByRole('button', { name: '退款' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/¥123,456\.00/)).toBeTruthy();
    expect(within(dialog).getByText(/张三/)).toBeTruthy();
    const confirm = within(dialog).getByRole('button', { name: '确认退款' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true); // a reason is required
    fireEvent.mouseDown(within(dialog).getByRole('combobox'));
    fireEvent.click(within(screen.getByRole('listbox')).getByText('车况与描述不符'));
    fireEvent.change(within(dialog).getByRole('textbox', { name: '说明' }), { target: { value: ' 里程表被调过 ' } });
    fireEvent.click(confirm);
    await waitFor(() =>
      expect(rpc).toHaveBeenCalledWith('trade_refund', { p_id: 't1', p_reason_code: 'vehicle_mismatch', p_note: '里程表被调过' }),
    );
  });

  it('shows the refusal translated and keeps the dialog open', async () => {
    const rpc = vi.fn(async () => {
      throw new HttpError('errors.illegal_transition', 400, { message: 'illegal_transition' });
    });
    renderButton('finance', trade, rpc);
    fireEvent.click(await screen.findByRole('button', { name: '退款' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.mouseDown(within(dialog).getByRole('combobox'));
    fireEvent.click(within(screen.getByRole('listbox')).getByText('重复付款'));
    fireEvent.click(within(dialog).getByRole('button', { name: '确认退款' }));
    expect(await within(dialog).findByText('当前状态不允许此操作')).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('is offered only to the roles trade_refund allows, and only for a closed trade', async () => {
    renderButton('reviewer', trade);
    await screen.findByText('已加载');
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('button', { name: '退款' })).toBeNull();
  });

  it('is not offered for a trade already refunded or voided', async () => {
    renderButton('admin', { ...trade, status: 'refunded' });
    await screen.findByText('已加载');
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('button', { name: '退款' })).toBeNull();
  });
});
