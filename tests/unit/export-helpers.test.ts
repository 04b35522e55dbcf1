import { describe, expect, it, vi } from 'vitest';
import Papa from 'papaparse';
import type { DataProvider } from 'react-admin';
import { cellText, cellValue, codeColumn, columnsOfRows, fenToYuanText, type ExportColumn } from '../../src/common/export/columns';
import { toCsv } from '../../src/common/export/csv';
import { exportFileName } from '../../src/common/export/download';
import { fetchAllRows } from '../../src/common/export/fetchAll';
import { buildWorkbook } from '../../src/common/export/excel';

type Row = { id: number; name: string; amount_fen: number | null; at: string; ok: boolean; tags?: string[] };
const columns: ExportColumn<Row>[] = [
  { source: 'name', label: '名称' },
  { source: 'amount_fen', label: '金额', kind: 'money' },
  { source: 'at', label: '时间', kind: 'datetime' },
  { source: 'ok', label: '有效', kind: 'boolean' },
  { source: 'tags', label: '标签' },
];
const rows: Row[] = [
  { id: 1, name: '宝马 X5, 2020款', amount_fen: 123456789, at: '2026-11-21T16:30:05Z', ok: true, tags: ['a', 'b'] },
  { id: 2, name: '=HYPERLINK("x")', amount_fen: -5, at: '2026-11-22T00:00:00+08:00', ok: false },
  { id: 3, name: '-@bad', amount_fen: null, at: '', ok: false },
];

describe('export cells', () => {
  it('writes money as exact yuan, times in Beijing time, booleans as words', () => {
    expect(fenToYuanText(123456789)).toBe('1234567.89');
    expect(fenToYuanText('10')).toBe('0.10');
    expect(fenToYuanText(null)).toBe('');
    expect(cellText(rows[0], columns[2])).toBe('2026-11-22 00:30:05');
    expect(cellText(rows[0], columns[3])).toBe('是');
    expect(cellText(rows[0], columns[4])).toBe('a; b');
    expect(cellText(rows[2], columns[1])).toBe('');
  });

  it('keeps money a number for spreadsheets', () => {
    expect(cellValue(rows[0], columns[1])).toBe(1234567.89);
    expect(cellValue(rows[1], columns[1])).toBe(-0.05);
    expect(cellValue(rows[2], columns[1])).toBeNull();
    expect(cellValue(rows[0], { source: 'x', label: 'x', kind: 'number', value: () => '12' })).toBe(12);
  });
});

describe('default columns', () => {
  const messages: Record<string, string> = {
    'resources.payments.fields.payment_no': '缴费单号',
    'resources.payments.fields.status': '状态',
    'resources.payments.fields.amount_fen': '金额',
    'resources.payments.fields.paid_at': '支付时间',
    'resources.payments.fields.city_name': '城市',
    'payments.status.succeeded': '已支付',
    'export.fields.id': '编号',
  };
  // react-admin's translate: the message, else the `_` default, else the key
  const translate = (key: string, opts?: { _?: string }) => messages[key] ?? opts?._ ?? key;
  const rows = [
    {
      id: 'e4293e32-47c9-f334-91dc-ad24271a5370',
      payment_no: 'P1',
      merchant_id: '00245078-e033-aaa7-8cb4-559ea25252be',
      status: 'succeeded',
      amount_fen: 29900,
      rate: 0.035,
      paid_at: '2026-07-03T10:19:14+00:00',
      covers_to: '2026-08-02',
      city_code: '410100',
      city_name: '郑州市',
      journal_id: 9001,
      search: '郑州 P1',
      name_pinyin: 'zhengzhou',
      licence_image_url: 'samples/x.svg',
    },
  ];

  it('label, type and translate the fields, leave out plumbing and uuid references, end with the id', () => {
    const cols = columnsOfRows(rows, 'payments', translate);
    expect(cols.map((c) => c.source)).toEqual(['payment_no', 'status', 'amount_fen', 'rate', 'paid_at', 'covers_to', 'city_name', 'id']);
    expect(cols.map((c) => c.label)).toEqual(['缴费单号', '状态', '金额', 'rate', '支付时间', 'covers_to', '城市', '编号']);
    const cell = (source: string) => cellText(rows[0], cols.find((c) => c.source === source)!);
    expect(cell('status')).toBe('已支付');
    expect(cell('amount_fen')).toBe('299.00');
    expect(cell('rate')).toBe('3.50%');
    expect(cell('paid_at')).toBe('2026-07-03 18:19:14');
    expect(cell('covers_to')).toBe('2026-08-02');
  });

  it('translate codes under a prefix the list names', () => {
    const cols = columnsOfRows([{ role: 'admin' }], 'staff', (k, o?: { _?: string }) => (k === 'roles.admin' ? '超级管理员' : o?._ ?? k), { choices: { role: 'roles' } });
    expect(cellText({ role: 'admin' }, cols[0])).toBe('超级管理员');
    expect(cellText({ role: 'x' }, codeColumn('role', '角色', 'roles', (k, o?: { _?: string }) => o?._ ?? k))).toBe('x');
  });
});

describe('toCsv', () => {
  it('has a BOM, a header of labels, quoted commas and neutralised formulas', () => {
    const csv = toCsv(rows, columns);
    expect(csv.startsWith('\ufeff名称,金额,时间,有效,标签\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { newline: '\r\n' }).data;
    expect(parsed[1]).toEqual(['宝马 X5, 2020款', '1234567.89', '2026-11-22 00:30:05', '是', 'a; b']);
    expect(parsed[2][0]).toBe('\'=HYPERLINK("x")');
    expect(parsed[2][1]).toBe('-0.05'); // a negative amount stays a number
    expect(parsed[3][0]).toBe("'-@bad");
  });

  it('uses the given words for booleans (English)', () => {
    expect(toCsv([rows[1]], [columns[3]], { yes: 'Yes', no: 'No' })).toBe('\ufeff有效\r\nNo\r\n');
  });
});

describe('buildWorkbook', () => {
  it('writes a bold, frozen header and money as numbers with two decimals', async () => {
    const wb = await buildWorkbook(rows, columns, { sheetName: 'trades/2026?' });
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe('trades 2026 ');
    expect(sheet.getRow(1).values).toEqual([undefined, '名称', '金额', '时间', '有效', '标签']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getCell('B2').value).toBe(1234567.89);
    expect(sheet.getColumn(2).numFmt).toBe('#,##0.00');
    expect(sheet.getCell('C2').value).toBe('2026-11-22 00:30:05');
    expect(sheet.rowCount).toBe(4);
    const buffer = await wb.xlsx.writeBuffer();
    expect(buffer.byteLength).toBeGreaterThan(1000);
  }, 60_000); // exceljs is a big module to load
});

describe('exportFileName', () => {
  it('stamps the Beijing date and time and strips unsafe characters', () => {
    expect(exportFileName('trades', 'csv', new Date('2026-11-21T16:30:00Z'))).toBe('trades-20261122-0030.csv');
    expect(exportFileName('a/b c', 'xlsx', new Date('2026-11-21T16:30:00Z'))).toBe('a_b_c-20261122-0030.xlsx');
  });
});

describe('fetchAllRows', () => {
  const source = Array.from({ length: 2500 }, (_, i) => ({ id: i + 1 }));
  // a data provider answering like ours: a partial read (no count) pages by the rows, a counted
  // read refuses an offset past its estimate (2,400 rows, below the 2,500 there are) with 416
  const provider = () =>
    ({
      getList: vi.fn(async (_resource: string, params: { pagination: { page: number; perPage: number }; meta?: { partial?: boolean } }) => {
        const { page, perPage } = params.pagination;
        const offset = (page - 1) * perPage;
        if (!params.meta?.partial && offset > 2400) throw Object.assign(new Error('Requested range not satisfiable'), { status: 416 });
        const data = source.slice(offset, offset + perPage);
        return params.meta?.partial
          ? ({ data, pageInfo: { hasNextPage: offset + perPage < source.length, hasPreviousPage: page > 1 } } as never)
          : ({ data, total: 2400 } as never);
      }),
    }) as unknown as Pick<DataProvider, 'getList'> & { getList: ReturnType<typeof vi.fn> };

  it('reads partial pages until none follow, never by a count', async () => {
    const p = provider();
    const progress: number[] = [];
    const result = await fetchAllRows(p, 'trades', { filter: { status: 'closed' }, onProgress: (n) => progress.push(n) });
    expect(result.rows).toHaveLength(2500);
    expect(result.rows.at(-1)).toEqual({ id: 2500 });
    expect(result.truncated).toBe(false);
    expect(p.getList).toHaveBeenCalledTimes(3);
    // 999 a page: the peeked row still fits in PostgREST's 1,000
    expect(p.getList.mock.calls[1][1]).toMatchObject({ pagination: { page: 2, perPage: 999 }, filter: { status: 'closed' }, meta: { partial: true } });
    expect(progress).toEqual([999, 1998, 2500]);
  });

  it('stops at the maximum and says the result is cut short', async () => {
    const result = await fetchAllRows(provider(), 'trades', { max: 1500 });
    expect(result.rows).toHaveLength(1500);
    expect(result.truncated).toBe(true);
  });

  it('gives up when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(fetchAllRows(provider(), 'trades', { signal: controller.signal })).rejects.toThrow('aborted');
  });
});
