// Texts of the shared export button (CSV / Excel).
export const zh = {
  export: {
    button: '导出',
    csv: '导出 CSV',
    xlsx: '导出 Excel',
    running: '正在导出…',
    progress: '已读取 %{loaded} / %{total} 行',
    done: '已导出 %{count} 行',
    done_truncated: '已导出前 %{count} 行（单次最多 %{max} 行，请缩小筛选范围）',
    progress_open: '已读取 %{loaded} 行',
    server: '在服务器导出',
    server_started: '已在服务器开始导出，可离开本页，完成后会通知您',
    // headers of fields a list's own messages do not label
    fields: { id: '编号', created_at: '创建时间', updated_at: '更新时间', city_name: '城市', note: '备注' },
  },
};

export const en: typeof zh = {
  export: {
    button: 'Export',
    csv: 'Export CSV',
    xlsx: 'Export Excel',
    running: 'Exporting…',
    progress: 'Read %{loaded} of %{total} rows',
    done: 'Exported %{count} rows',
    done_truncated: 'Exported the first %{count} rows (at most %{max} per export; narrow the filter)',
    progress_open: 'Read %{loaded} rows',
    server: 'Export on the server',
    server_started: 'The export runs on the server; you may leave this page and will be told when it is done',
    fields: { id: 'Id', created_at: 'Created at', updated_at: 'Updated at', city_name: 'City', note: 'Note' },
  },
};
