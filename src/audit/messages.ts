// Audit log (操作日志) messages; other features add their actions under audit.actions.
// zh and en have exactly the same keys.
export const zh = {
  resources: {
    audit_log: {
      name: '操作日志 |||| 操作日志',
      fields: {
        at: '时间',
        actor_email: '操作人',
        actor_role: '操作人角色',
        action: '操作',
        entity: '对象类型',
        entity_id: '对象编号',
        before: '变更前',
        after: '变更后',
        reason: '原因',
        region_code: '区域',
      },
    },
  },
  audit: {
    filters: { from: '开始日期', to: '结束日期', actor: '操作人邮箱' },
    diff: { field: '字段', before: '变更前', after: '变更后', empty: '无数据变更', changed: '已变更' },
    actions: {
      'staff.create': '新建员工',
      'staff.update': '修改员工资料',
      'staff.permission_change': '修改员工权限',
      'staff.activate': '启用员工',
      'staff.deactivate': '停用员工',
      'staff.password_reset': '重置员工密码',
      'merchant_application.request_info': '要求补充材料',
      'merchant.update_profile': '修改商户资料',
      'trade.refund': '交易退款',
    },
    entities: {
      staff: '员工',
      merchant_application: '入驻申请',
      merchant: '商户',
      listing: '车源',
      member: '会员',
      reservation: '预约',
      trade: '交易',
      complaint: '投诉',
      payment: '缴费',
      withdrawal: '提现',
      settlement: '结算',
      ranking_rule: '等级规则',
    },
  },
};

export const en: typeof zh = {
  resources: {
    audit_log: {
      name: 'Audit entry |||| Audit log',
      fields: {
        at: 'Time',
        actor_email: 'Actor',
        actor_role: 'Actor role',
        action: 'Action',
        entity: 'Entity',
        entity_id: 'Entity id',
        before: 'Before',
        after: 'After',
        reason: 'Reason',
        region_code: 'Region',
      },
    },
  },
  audit: {
    filters: { from: 'From', to: 'To', actor: 'Actor email' },
    diff: { field: 'Field', before: 'Before', after: 'After', empty: 'No data changed', changed: 'Changed' },
    actions: {
      'staff.create': 'Create staff',
      'staff.update': 'Update staff details',
      'staff.permission_change': 'Change staff permissions',
      'staff.activate': 'Activate staff',
      'staff.deactivate': 'Deactivate staff',
      'staff.password_reset': 'Reset staff password',
      'merchant_application.request_info': 'Request more information',
      'merchant.update_profile': 'Edit merchant profile',
      'trade.refund': 'Refund trade',
    },
    entities: {
      staff: 'Staff',
      merchant_application: 'Merchant application',
      merchant: 'Merchant',
      listing: 'Listing',
      member: 'Member',
      reservation: 'Reservation',
      trade: 'Trade',
      complaint: 'Complaint',
      payment: 'Payment',
      withdrawal: 'Withdrawal',
      settlement: 'Settlement',
      ranking_rule: 'Ranking rule',
    },
  },
};
