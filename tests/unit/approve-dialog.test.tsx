// The approve dialog opens with the application's category chosen before the category list has
// arrived: MUI must not be handed a value none of the select's options has (its "out-of-range
// value" warning), and once the list is there the category shows.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { AdminContext, testDataProvider } from 'react-admin';
import { i18nProvider } from '../../src/i18n/i18nProvider';
import { ApproveDialog } from '../../src/merchant-applications/ApproveDialog';

afterEach(() => vi.restoreAllMocks());

describe('ApproveDialog', () => {
  it('shows the application category once the categories have loaded, without an out-of-range warning', async () => {
    const warned = vi.spyOn(console, 'warn');
    const failed = vi.spyOn(console, 'error');
    let answer: (v: { data: unknown[]; total: number }) => void = () => undefined;
    const dataProvider = testDataProvider({
      getList: () => new Promise((resolve) => (answer = resolve as typeof answer)) as never,
    });
    render(
      <AdminContext dataProvider={dataProvider} i18nProvider={i18nProvider}>
        <ApproveDialog open name="北京好车行" categoryId={5} onClose={() => undefined} onConfirm={async () => undefined} />
      </AdminContext>,
    );
    await screen.findByText('北京好车行', { exact: false });
    // still loading: nothing chosen on screen yet, and no warning
    answer({ data: [{ id: 5, name: '二手车商', commission_rate: 0.035 }, { id: 6, name: '租车公司', commission_rate: 0.05 }], total: 2 });
    await waitFor(() => expect(screen.getByText('二手车商 · 3.50%')).toBeTruthy());
    const messages = [...warned.mock.calls, ...failed.mock.calls].map((c) => String(c[0]));
    expect(messages.filter((m) => /out-of-range/.test(m))).toEqual([]);
  });
});
