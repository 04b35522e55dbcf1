export const zh = {
  resources: {
    settlements: {
      name: '结算单',
      fields: {
        id: '批次号',
        period: '结算期间',
        period_from: '期间开始',
        period_to: '期间结束',
        owner_type: '账户类型',
        owner_name: '账户',
        trade_count: '交易笔数',
        sales_fen: '销售额',
        refunds_fen: '退款',
        platform_fee_fen: '平台服务费',
        commission_fen: '佣金',
        merchant_net_fen: '商户净额',
        net_fen: '净额',
        started_at: '开始时间',
        finished_at: '完成时间',
        created_at: '生成时间',
      },
    },
  },
  settlements: {
    tabs: { runs: '结算批次', statements: '结算单' },
    statements: '本批次结算单',
    filters: { from: '期间开始不早于', to: '期间结束不晚于' },
    run: {
      action: '执行结算',
      title: '执行结算',
      content:
        '将结算所选期间（北京时间）内已过退款期、尚未结算的全部交易：商户净额转入可提现余额，平台服务费确认为收入，并为每个账户生成结算单。同一期间重复执行不会改变任何数据。',
      from: '开始日期',
      to: '结束日期',
      confirm: '确认结算',
      running: '正在结算…已用时 %{s} 秒',
      created: '结算批次 #%{id}（%{from} 至 %{to}）已完成',
      existing: '该期间已结算（批次 #%{id}，%{from} 至 %{to}），未做任何改动',
    },
  },
};

export const en: typeof zh = {
  resources: {
    settlements: {
      name: 'Settlements',
      fields: {
        id: 'Run',
        period: 'Period',
        period_from: 'Period from',
        period_to: 'Period to',
        owner_type: 'Account type',
        owner_name: 'Account',
        trade_count: 'Trades',
        sales_fen: 'Sales',
        refunds_fen: 'Refunds',
        platform_fee_fen: 'Platform fee',
        commission_fen: 'Commission',
        merchant_net_fen: 'Merchant net',
        net_fen: 'Net',
        started_at: 'Started at',
        finished_at: 'Finished at',
        created_at: 'Issued at',
      },
    },
  },
  settlements: {
    tabs: { runs: 'Runs', statements: 'Statements' },
    statements: 'Statements of this run',
    filters: { from: 'Period starts on or after', to: 'Period ends on or before' },
    run: {
      action: 'Run settlement',
      title: 'Run a settlement',
      content:
        'Settles every trade of the period (Beijing days) that is past its refund window and not yet settled: merchant net moves to available balance, platform fees become revenue, and every account gets a statement. Running the same period again changes nothing.',
      from: 'From',
      to: 'To',
      confirm: 'Settle',
      running: 'Settling… %{s} s',
      created: 'Settlement run #%{id} (%{from} to %{to}) done',
      existing: 'This period is already settled (run #%{id}, %{from} to %{to}); nothing changed',
    },
  },
};
