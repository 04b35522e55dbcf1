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
  },
};
