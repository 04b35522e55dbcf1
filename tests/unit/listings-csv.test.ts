import { describe, expect, it } from 'vitest';
import { checkRow, fileField, missingColumns, parseCsv, TEMPLATE_CSV } from '../../src/listings/csv';

const good = {
  merchant: '示例市鑫源二手车行',
  kind: 'used_sale',
  brand: '宝马',
  series: 'X5',
  price: '388,000.50',
  year: '2021',
  mileage_km: '36000',
  vin: 'lsvam4187c2184846',
  photos: 'cars/suv-white.svg | cars/suv-grey.svg',
};

describe('listing CSV import: browser-side checks', () => {
  it('parses the template (header, BOM, one row) and finds no missing columns', () => {
    const { columns, rows } = parseCsv(`\uFEFF${TEMPLATE_CSV}`);
    expect(missingColumns(columns)).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(checkRow(rows[0], 0).errors).toEqual([]);
  });

  it('reports required columns that are absent', () => {
    const { columns } = parseCsv('Merchant,kind,brand\nA,used_sale,宝马\n');
    expect(missingColumns(columns)).toEqual(['series', 'price']);
  });

  it('turns a good row into the RPC payload: yuan to fen, VIN upper-cased, photos split', () => {
    const row = checkRow(good, 0);
    expect(row.errors).toEqual([]);
    expect(row.line).toBe(2);
    expect(row.payload.price_fen).toBe('38800050');
    expect(row.payload.vin).toBe('LSVAM4187C2184846');
    expect(row.payload.photos).toEqual(['cars/suv-white.svg', 'cars/suv-grey.svg']);
    expect(row.payload.deposit_fen).toBeUndefined();
  });

  it('lists every problem of a bad row by field and code', () => {
    const row = checkRow(
      { merchant: '', kind: 'lease', brand: '宝马', series: 'X5', price: '12.345', year: '99', vin: 'IOQ', gearbox: 'auto', mileage_km: '-1' },
      4,
    );
    expect(row.line).toBe(6);
    expect(row.errors).toEqual(
      expect.arrayContaining([
        { field: 'merchant', code: 'required' },
        { field: 'kind', code: 'invalid' },
        { field: 'price', code: 'invalid' },
        { field: 'year', code: 'invalid' },
        { field: 'vin', code: 'invalid' },
        { field: 'gearbox', code: 'invalid' },
        { field: 'mileage_km', code: 'invalid' },
      ]),
    );
  });

  it('requires a deposit for rentals', () => {
    expect(checkRow({ ...good, kind: 'rental' }, 0).errors).toEqual([{ field: 'deposit', code: 'required' }]);
    expect(checkRow({ ...good, kind: 'rental', deposit: '3000' }, 0).payload.deposit_fen).toBe('300000');
  });

  it('names the file columns for database errors on money fields', () => {
    expect(fileField('price_fen')).toBe('price');
    expect(fileField('deposit_fen')).toBe('deposit');
    expect(fileField('vin')).toBe('vin');
  });
});
