// Texts of the list pagination (ListPagination) and the column chooser.
export const zh = {
  paging: {
    range_exact: '第 %{from}–%{to} 条，共 %{total} 条',
    range_estimated: '第 %{from}–%{to} 条，约 %{total} 条',
    range_over: '第 %{from}–%{to} 条，超过 %{total} 条',
    range_unknown: '第 %{from}–%{to} 条',
    loading_page: '正在打开第 %{page} 页…',
    count_exactly: '精确计数',
    count_exactly_hint: '统计当前筛选条件下的准确条数',
    counting: '正在计数…',
    page: '第 %{page} 页',
    page_of: '第 %{page} / %{pages} 页',
    past_end: '第 %{page} 页没有记录（共 %{pages} 页），已回到第 1 页',
    past_end_unknown: '第 %{page} 页没有记录：列表在这一页之前已结束，已回到第 1 页',
    count_failed: '计数失败，请稍后重试',
  },
};

export const en: typeof zh = {
  paging: {
    range_exact: '%{from}–%{to} of %{total}',
    range_estimated: '%{from}–%{to} of about %{total}',
    range_over: '%{from}–%{to} of more than %{total}',
    range_unknown: '%{from}–%{to}',
    loading_page: 'Opening page %{page}…',
    count_exactly: 'Count exactly',
    count_exactly_hint: 'Count the rows the current filter selects',
    counting: 'Counting…',
    page: 'Page %{page}',
    page_of: 'Page %{page} of %{pages}',
    past_end: 'Page %{page} has no rows (%{pages} pages in all); back to page 1',
    past_end_unknown: 'Page %{page} has no rows: the list ends before it; back to page 1',
    count_failed: 'Counting failed; try again later',
  },
};
