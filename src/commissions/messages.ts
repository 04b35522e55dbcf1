export const zh = {
  resources: {
    commissions: {
      name: '佣金记录',
      fields: {
        id: '编号',
        beneficiary_id: '受益人编号',
        beneficiary_name: '受益人',
        tier: '层级',
        merchant_name: '商户',
        trade_id: '交易编号',
        base_amount_fen: '交易金额',
        rate: '比例',
        amount_fen: '佣金',
        status: '状态',
        unfreeze_at: '解冻时间',
        created_at: '产生时间',
        is_clawback: '追回记录',
        trade_kind: '交易类型',
        trade_closed_at: '成交时间',
        released_at: '解冻入账时间',
        cancelled_at: '取消时间',
        clawed_back_at: '追回时间',
      },
    },
  },
  commissions: {
    status: { frozen: '冻结中', available: '可提现', cancelled: '已取消', clawed_back: '已追回' },
    tier: { 1: '一级', 2: '二级' },
    filters: { from: '产生日期从', to: '产生日期至' },
    totals: { count: '笔数', amount: '佣金合计', clawbacks: '追回（负数）' },
  },
};

export const en: typeof zh = {
  resources: {
    commissions: {
      name: 'Commissions',
      fields: {
        id: 'No.',
        beneficiary_id: 'Beneficiary id',
        beneficiary_name: 'Beneficiary',
        tier: 'Tier',
        merchant_name: 'Merchant',
        trade_id: 'Trade id',
        base_amount_fen: 'Trade amount',
        rate: 'Rate',
        amount_fen: 'Commission',
        status: 'Status',
        unfreeze_at: 'Unfreezes at',
        created_at: 'Created at',
        is_clawback: 'Claw-back',
        trade_kind: 'Trade kind',
        trade_closed_at: 'Trade closed at',
        released_at: 'Released at',
        cancelled_at: 'Cancelled at',
        clawed_back_at: 'Clawed back at',
      },
    },
  },
  commissions: {
    status: { frozen: 'Frozen', available: 'Available', cancelled: 'Cancelled', clawed_back: 'Clawed back' },
    tier: { 1: 'Tier 1', 2: 'Tier 2' },
    filters: { from: 'Created from', to: 'Created to' },
    totals: { count: 'Count', amount: 'Total commission', clawbacks: 'Claw-backs (negative)' },
  },
};
