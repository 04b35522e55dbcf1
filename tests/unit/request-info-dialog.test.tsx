import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext, I18nContextProvider, RecordContextProvider, ResourceContextProvider, testDataProvider } from 'react-admin';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { i18nProvider } from '../../src/i18n/i18nProvider';
import { INFO_GROUPS, infoDocuments } from '../../src/merchant-applications/choices';
import { RequestInfoDialog, fieldCommentsOf, fieldLabel } from '../../src/merchant-applications/RequestInfoDialog';
import { ReviewActions } from '../../src/merchant-applications/ReviewActions';

describe('fieldCommentsOf', () => {
  it('needs at least one ticked field, each with a comment of at most 500 characters', () => {
    expect(fieldCommentsOf([], { company_name: '名称与执照不一致' })).toBeNull();
    expect(fieldCommentsOf(['company_name'], {})).toBeNull();
    expect(fieldCommentsOf(['company_name', 'address'], { company_name: '与执照不一致', address: '   ' })).toBeNull();
    expect(fieldCommentsOf(['address'], { address: 'x'.repeat(501) })).toBeNull();
    // only ticked fields are sent, trimmed; a comment typed and then unticked is dropped
    expect(fieldCommentsOf(['address', 'licence_image_url'], { address: ' 请补充门牌号 ', licence_image_url: '照片模糊', contact_phone: '不发送' })).toEqual({
      address: '请补充门牌号',
      licence_image_url: '照片模糊',
    });
  });
});

describe('fields offered', () => {
  it('asks about the documents the merchant type needs', () => {
    expect(infoDocuments('rental')).toContain('road_transport_permit');
    expect(infoDocuments('used_dealer')).not.toContain('road_transport_permit');
    expect(infoDocuments('new_dealer_4s')).toContain('dealer_authorisation');
    expect(infoDocuments('used_dealer')[0]).toBe('licence_image_url');
  });

  it('labels columns and document types in both languages', async () => {
    const t = i18nProvider.translate;
    for (const key of [...INFO_GROUPS.identity, ...INFO_GROUPS.contact, ...infoDocuments('rental'), ...infoDocuments('new_dealer_4s')]) {
      expect(fieldLabel(t, key), key).not.toBe(key);
    }
    expect(fieldLabel(t, 'company_name')).toBe('公司名称');
    expect(fieldLabel(t, 'road_transport_permit')).toBe('道路运输经营许可证');
    expect(fieldLabel(t, 'something_new')).toBe('something_new');
    await i18nProvider.changeLocale('en');
    expect(fieldLabel(i18nProvider.translate, 'location')).toBe('Map location');
    await i18nProvider.changeLocale('zh-CN');
  });
});

const renderDialog = (onConfirm: (c: Record<string, string>, note: string) => Promise<void>) =>
  render(
    <I18nContextProvider value={i18nProvider}>
      <RequestInfoDialog open name="北京好车行" kind="rental" onClose={() => undefined} onConfirm={onConfirm} />
    </I18nContextProvider>,
  );

describe('<RequestInfoDialog>', () => {
  it('enables the request only when every ticked field has a comment, and sends them with the note', async () => {
    const onConfirm = vi.fn(async () => undefined);
    renderDialog(onConfirm);
    const confirm = screen.getByRole('button', { name: '要求补充材料' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect(screen.getByRole('checkbox', { name: '道路运输经营许可证' })).toBeTruthy(); // a rental shop

    fireEvent.click(screen.getByRole('checkbox', { name: '营业执照' }));
    expect(confirm.disabled).toBe(true); // ticked, no comment yet
    fireEvent.change(screen.getByRole('textbox', { name: /对“营业执照”的意见/ }), { target: { value: ' 照片模糊，请重新上传 ' } });
    expect(confirm.disabled).toBe(false);

    fireEvent.click(screen.getByRole('checkbox', { name: '地址' }));
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: /对“地址”的意见/ }), { target: { value: '请补充门牌号' } });
    fireEvent.change(screen.getByRole('textbox', { name: '说明' }), { target: { value: '两处需修改' } });
    fireEvent.click(confirm);
    await waitFor(() =>
      expect(onConfirm).toHaveBeenCalledWith({ licence_image_url: '照片模糊，请重新上传', address: '请补充门牌号' }, '两处需修改'),
    );
  });

  it('keeps the dialog open and shows the refusal', async () => {
    renderDialog(async () => {
      throw new Error('当前状态不允许此操作');
    });
    fireEvent.click(screen.getByRole('checkbox', { name: '联系电话' }));
    fireEvent.change(screen.getByRole('textbox', { name: /对“联系电话”的意见/ }), { target: { value: '空号' } });
    fireEvent.click(screen.getByRole('button', { name: '要求补充材料' }));
    expect(await screen.findByText('当前状态不允许此操作')).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});

describe('<ReviewActions> request more information', () => {
  const record = {
    id: 'a1',
    company_name: '北京好车行',
    state: 'in_review',
    reviewer_id: 'rev1',
    reviewer_name: '审核员',
    category_id: 1,
    kind: 'used_dealer',
  };
  const authProvider = {
    login: async () => undefined,
    logout: async () => undefined,
    checkAuth: async () => undefined,
    checkError: async () => undefined,
    getIdentity: async () => ({ id: 'rev1', fullName: '审核员' }),
    getPermissions: async () => ({ role: 'reviewer' }),
    canAccess: async () => true,
  };

  it('calls merchant_application_request_info with the field comments, then opens the next application in the queue', async () => {
    const rpc = vi.fn(async () => ({ ...record, state: 'need_more_info' }));
    const getList = vi.fn(async (_resource: string, params: { filter: Record<string, unknown> }) =>
      params.filter.state === 'submitted' ? { data: [{ id: 'a2' }], total: 1 } : { data: [], total: 0 },
    );
    const dataProvider = { ...testDataProvider({ getList: getList as never }), rpc };
    render(
      <MemoryRouter initialEntries={['/merchant_applications/a1/show']}>
        <AdminContext dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider}>
          <ResourceContextProvider value="merchant_applications">
            <Routes>
              <Route
                path="/merchant_applications/a1/show"
                element={
                  <RecordContextProvider value={record}>
                    <ReviewActions />
                  </RecordContextProvider>
                }
              />
              <Route path="/merchant_applications/a2/show" element={<div>下一条申请</div>} />
            </Routes>
          </ResourceContextProvider>
        </AdminContext>
      </MemoryRouter>,
    );
    fireEvent.click(await screen.findByRole('button', { name: '要求补充材料' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: '统一社会信用代码' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /统一社会信用代码/ }), { target: { value: '与执照照片不一致' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '要求补充材料' }));
    await waitFor(() =>
      expect(rpc).toHaveBeenCalledWith('merchant_application_request_info', {
        p_id: 'a1',
        p_field_comments: { licence_no: '与执照照片不一致' },
        p_note: undefined,
      }),
    );
    expect(await screen.findByText('下一条申请')).toBeTruthy();
    // the reviewer's own claimed applications are looked at first, never the one just decided
    expect(getList.mock.calls[0][1].filter).toMatchObject({ state: 'in_review', reviewer_id: 'rev1', 'id@neq': 'a1' });
  });
});
