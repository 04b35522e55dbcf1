// 全局搜索 / Search: the box in the app bar and the names of the kinds of results.
export const zh = {
  search: {
    label: '全局搜索',
    placeholder: '搜索单号、交易流水号、手机尾号、会员、商户、车源…（Ctrl+K）',
    nothing: '没有找到相关记录',
    failed: '搜索失败，请稍后再试',
    kinds: {
      reservation: '预约',
      trade: '交易',
      withdrawal: '提现',
      payment: '缴费',
      member: '会员',
      merchant: '商户',
      listing: '车源',
      complaint: '投诉',
    },
  },
};

export const en = {
  search: {
    label: 'Search',
    placeholder: 'Search numbers, transaction ids, phone endings, members, merchants, listings… (Ctrl+K)',
    nothing: 'Nothing found',
    failed: 'The search failed; please try again',
    kinds: {
      reservation: 'Reservations',
      trade: 'Trades',
      withdrawal: 'Withdrawals',
      payment: 'Payments',
      member: 'Members',
      merchant: 'Merchants',
      listing: 'Listings',
      complaint: 'Complaints',
    },
  },
};
