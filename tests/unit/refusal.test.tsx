import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { HttpError, I18nContextProvider, ResourceContextProvider } from 'react-admin';
import { i18nProvider } from '../../src/i18n/i18nProvider';
import { refusalOf, useRefusal } from '../../src/common/refusal';

describe('refusalOf', () => {
  it('finds the code in data provider, RPC and edge function errors', () => {
    expect(refusalOf(new HttpError('errors.illegal_transition', 400))).toEqual({ key: 'errors.illegal_transition' });
    expect(refusalOf({ message: 'period_overlap' })).toEqual({ key: 'errors.period_overlap', bare: 'period_overlap' });
    expect(refusalOf({ message: 'another run covers it', body: { error: { code: 'period_not_ready' } } })).toEqual({
      key: 'errors.period_not_ready',
      bare: 'period_not_ready',
    });
    expect(refusalOf('merchant_inactive')).toEqual({ key: 'errors.merchant_inactive', bare: 'merchant_inactive' });
    expect(refusalOf(new Error('Something odd'))).toEqual({ text: 'Something odd' });
    expect(refusalOf(null)).toEqual({ text: '' });
  });
});

const wrapper =
  (resource?: string) =>
  ({ children }: { children: ReactNode }) => (
    <I18nContextProvider value={i18nProvider}>
      {resource ? <ResourceContextProvider value={resource}>{children}</ResourceContextProvider> : children}
    </I18nContextProvider>
  );

describe('useRefusal', () => {
  it('translates codes, keeps server sentences, and says something for nothing', () => {
    const { result } = renderHook(() => useRefusal(), { wrapper: wrapper() });
    expect(result.current(new HttpError('errors.illegal_transition', 400))).toBe('当前状态不允许此操作');
    expect(result.current({ message: 'reason_required' })).toBe('请填写原因');
    expect(result.current('a_code_nobody_knows')).toBe('a_code_nobody_knows');
    expect(result.current(new Error('Something odd'))).toBe('Something odd');
    expect(result.current(undefined)).toBe('操作失败，请稍后重试');
  });

  it("words a bare code (a bulk row's answer) the page's resource's way, if it has one", () => {
    const { result } = renderHook(() => useRefusal(), { wrapper: wrapper('listings') });
    expect(result.current('merchant_inactive')).toBe('商户未激活或未缴费，无法上架');
    // through the data provider the shared text applies, as before
    expect(result.current(new HttpError('errors.merchant_inactive', 400))).not.toBe('商户未激活或未缴费，无法上架');
  });
});
