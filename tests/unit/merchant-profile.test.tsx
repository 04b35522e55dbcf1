import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AdminContext, ResourceContextProvider, testDataProvider, type DataProvider } from 'react-admin';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { i18nProvider } from '../../src/i18n/i18nProvider';
import { MerchantEdit } from '../../src/merchants/MerchantEdit';
import { pinyinOf } from '../../src/common/pinyin';
import { MOBILE, coordinatePairError, profileChanges, withPinyin } from '../../src/merchants/profile';
import { createDataProvider } from '../../src/providers/dataProvider';

const loaded = {
  id: 'm1',
  name: '北京好车行',
  name_pinyin: 'beijinghaochehang',
  name_initials: 'bjhch',
  contact_name: '王经理',
  contact_phone: '13912345678',
  address: '北京市朝阳区车市大道 1 号',
  lat: '39.921900',
  lng: '116.443600',
  description: null,
  status: 'active',
  city_name: '北京市',
  product_count: 12,
};

describe('profileChanges', () => {
  it('sends only the profile columns that differ, trimmed, blank as null, coordinates as numbers', () => {
    const values = {
      ...loaded,
      address: '  北京市海淀区新地址 2 号 ',
      description: '   ',
      lat: 39.9219, // the same point as the loaded '39.921900'
      lng: '116.5',
      status: 'suspended', // not a profile column: never sent
      product_count: 0,
    };
    expect(profileChanges(loaded, values)).toEqual({ address: '北京市海淀区新地址 2 号', lng: 116.5 });
  });

  it('is empty when nothing changed, so no write and no audit row', () => {
    expect(profileChanges(loaded, { ...loaded })).toEqual({});
    expect(profileChanges(loaded, { ...loaded, contact_name: ' 王经理 ' })).toEqual({});
  });

  it('clears a column the admin emptied', () => {
    expect(profileChanges(loaded, { ...loaded, lat: '', lng: null })).toEqual({ lat: null, lng: null });
  });
});

describe('withPinyin', () => {
  it('refreshes pinyin and initials when the name changes and they were left as they were', () => {
    const values = withPinyin(loaded, { ...loaded, name: '上海宝马汽车' }, pinyinOf);
    expect(values).toMatchObject({ name_pinyin: 'shanghaibaomaqiche', name_initials: 'shbmqc' });
  });

  it('keeps what the admin typed, and leaves everything alone when the name did not change', () => {
    const typed = withPinyin(loaded, { ...loaded, name: '上海宝马汽车', name_initials: 'shbm' }, pinyinOf);
    expect(typed).toMatchObject({ name_pinyin: 'shanghaibaomaqiche', name_initials: 'shbm' });
    const toPinyin = vi.fn(pinyinOf);
    expect(withPinyin(loaded, { ...loaded, address: 'x' }, toPinyin)).toMatchObject({ name_pinyin: 'beijinghaochehang' });
    expect(toPinyin).not.toHaveBeenCalled();
  });
});

describe('validation', () => {
  it('accepts 11-digit mainland mobiles only', () => {
    expect(MOBILE.test('13912345678')).toBe(true);
    expect(MOBILE.test('19912345678')).toBe(true);
    for (const bad of ['12912345678', '1391234567', '139123456789', '010-12345678', '139 1234 5678']) expect(MOBILE.test(bad), bad).toBe(false);
  });

  it('wants latitude and longitude together', () => {
    expect(coordinatePairError('lat', { lat: 39.9, lng: 116.4 })).toBeUndefined();
    expect(coordinatePairError('lng', { lat: null, lng: '' })).toBeUndefined();
    expect(coordinatePairError('lng', { lat: 39.9, lng: '' })).toBe('resources.merchants.edit.coordinates_pair');
    expect(coordinatePairError('lat', { lat: 39.9, lng: '' })).toBeUndefined();
    expect(coordinatePairError('lat', { lat: '', lng: 116.4 })).toBe('resources.merchants.edit.coordinates_pair');
  });
});

describe('data provider: merchant profile', () => {
  const base = () => ({
    getOne: vi.fn(async () => ({ data: { ...loaded, address: '新地址', city_name: '北京市' } })),
    update: vi.fn(),
  });
  const client = () => ({ rpc: vi.fn(async () => ({ data: { id: 'm1' }, error: null, status: 200 })) });

  it('writes through merchant_update_profile, never the table, and answers with the read model', async () => {
    const b = base();
    const c = client();
    const dp = createDataProvider(c as never, b as unknown as DataProvider);
    const result = await dp.update('merchants', { id: 'm1', data: { changes: { address: '新地址' }, reason: '地址变更' }, previousData: loaded });
    expect(c.rpc).toHaveBeenCalledWith('merchant_update_profile', { p_id: 'm1', p_changes: { address: '新地址' }, p_reason: '地址变更' });
    expect(b.update).not.toHaveBeenCalled();
    expect(b.getOne).toHaveBeenCalledWith('v_merchants', { id: 'm1' });
    expect(result.data).toMatchObject({ address: '新地址', city_name: '北京市' });
  });

  it('does not call the database when nothing changed', async () => {
    const b = base();
    const c = client();
    const dp = createDataProvider(c as never, b as unknown as DataProvider);
    const result = await dp.update('merchants', { id: 'm1', data: { changes: {}, reason: null }, previousData: loaded });
    expect(c.rpc).not.toHaveBeenCalled();
    expect(result.data).toBe(loaded);
  });

  it('translates a refusal', async () => {
    const c = { rpc: vi.fn(async () => ({ data: null, error: { message: 'not_permitted', code: '42501' }, status: 403 })) };
    const dp = createDataProvider(c as never, base() as unknown as DataProvider);
    await expect(
      dp.update('merchants', { id: 'm1', data: { changes: { name: '新名字' } }, previousData: loaded }),
    ).rejects.toThrow('errors.not_permitted');
  });
});

describe('<MerchantEdit>', () => {
  const renderEdit = (update: ReturnType<typeof vi.fn>) => {
    const dataProvider = testDataProvider({
      getOne: (async () => ({ data: loaded })) as never,
      update: update as never,
    });
    return render(
      <MemoryRouter initialEntries={['/merchants/m1']}>
        <AdminContext dataProvider={dataProvider} i18nProvider={i18nProvider}>
          <ResourceContextProvider value="merchants">
            <Routes>
              <Route path="/merchants/:id" element={<MerchantEdit />} />
              <Route path="/merchants/:id/show" element={<div>详情页</div>} />
            </Routes>
          </ResourceContextProvider>
        </AdminContext>
      </MemoryRouter>,
    );
  };

  it('refuses a phone that is not a mobile number before anything is sent', async () => {
    const update = vi.fn();
    renderEdit(update);
    const phone = (await screen.findByDisplayValue('13912345678')) as HTMLInputElement;
    fireEvent.change(phone, { target: { value: '12345' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText(/请输入正确的 11 位手机号/)).toBeTruthy();
    expect(update).not.toHaveBeenCalled();
  });

  it('requires the name', async () => {
    const update = vi.fn();
    renderEdit(update);
    fireEvent.change(await screen.findByDisplayValue('北京好车行'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('必填')).toBeTruthy();
    expect(update).not.toHaveBeenCalled();
  });

  it('sends only the changed columns with the reason, then opens the detail page', async () => {
    const update = vi.fn(async (_resource: string, _params: unknown) => ({ data: { ...loaded, address: '北京市海淀区新址 8 号' } }));
    renderEdit(update);
    fireEvent.change(await screen.findByDisplayValue('北京市朝阳区车市大道 1 号'), { target: { value: '北京市海淀区新址 8 号' } });
    fireEvent.change(screen.getByRole('textbox', { name: '修改原因' }), { target: { value: '门店搬迁' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(update).toHaveBeenCalled());
    expect(update.mock.calls[0][1]).toMatchObject({
      id: 'm1',
      data: { changes: { address: '北京市海淀区新址 8 号' }, reason: '门店搬迁' },
    });
    expect(await screen.findByText('详情页')).toBeTruthy();
  });
});
