// Home dashboard (工作台) messages. zh and en have exactly the same keys.
export const zh = {
  resources: { dashboard: { name: '工作台' } },
  dashboard: {
    todo: '待办与经营概况',
    as_of: '数据时间 %{at}',
    refresh: '刷新',
    open_list: '查看列表',
    analytics: '查看数据统计',
    figures: {
      pending_merchant_reviews: '待审核商户入驻',
      pending_listing_reviews: '待审核车源',
      open_complaints: '处理中的投诉',
      overdue_complaints: '已超期投诉',
      pending_withdrawals: '待处理提现',
      gmv_today: '今日成交额',
      gmv_month: '本月成交额',
      new_members_today: '今日新增会员',
      new_members_month: '本月新增会员',
    },
    detail: {
      reviews: '待领取 %{submitted} · 审核中 %{in_review}',
      first_response: '首次响应超期 %{n}',
      count: '共 %{n} 笔',
      trades: '成交 %{n} 笔',
    },
  },
};

export const en: typeof zh = {
  resources: { dashboard: { name: 'Dashboard' } },
  dashboard: {
    todo: 'Work waiting and business at a glance',
    as_of: 'As of %{at}',
    refresh: 'Refresh',
    open_list: 'Open the list',
    analytics: 'Open analytics',
    figures: {
      pending_merchant_reviews: 'Merchant applications to review',
      pending_listing_reviews: 'Listings to review',
      open_complaints: 'Open complaints',
      overdue_complaints: 'Overdue complaints',
      pending_withdrawals: 'Pending withdrawals',
      gmv_today: 'GMV today',
      gmv_month: 'GMV this month',
      new_members_today: 'New members today',
      new_members_month: 'New members this month',
    },
    detail: {
      reviews: '%{submitted} waiting · %{in_review} in review',
      first_response: '%{n} past first-response deadline',
      count: '%{n} requests',
      trades: '%{n} trades',
    },
  },
};
