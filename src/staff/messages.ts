// Staff accounts (员工) messages. zh and en have exactly the same keys.
export const zh = {
  resources: {
    staff: {
      name: '员工 |||| 员工',
      fields: {
        display_name: '姓名',
        email: '邮箱',
        role: '角色',
        region_codes: '负责区域',
        active: '启用',
        phone: '手机号',
        created_at: '创建时间',
        updated_at: '更新时间',
        password: '初始密码',
        reason: '变更原因',
        q: '搜索姓名或邮箱',
      },
    },
  },
  staff: {
    filters: { role: '角色', active: '状态' },
    status: { active: '已启用', inactive: '已停用' },
    regions_all: '全部区域',
    regions_help: '不选表示负责全部区域；可选省份或城市',
    reason_help: '修改角色或负责区域时必须填写原因，将记入操作日志',
    password_help: '至少 8 位，请通过安全渠道告知本人',
    actions: {
      activate: '启用',
      deactivate: '停用',
      reset_password: '重置密码',
    },
    dialog: {
      activate_title: '启用员工 %{name}',
      deactivate_title: '停用员工 %{name}',
      deactivate_content: '停用后该员工将无法登录，已登录的会话也会被拒绝。',
      activate_content: '启用后该员工可以重新登录。',
      reason: '原因（必填，将记入操作日志）',
      reset_title: '重置 %{name} 的密码',
      new_password: '新密码',
    },
    notify: {
      activated: '员工已启用',
      deactivated: '员工已停用',
      password_reset: '密码已重置',
      created: '员工账号已创建',
    },
  },
};

export const en: typeof zh = {
  resources: {
    staff: {
      name: 'Staff member |||| Staff',
      fields: {
        display_name: 'Name',
        email: 'Email',
        role: 'Role',
        region_codes: 'Regions',
        active: 'Active',
        phone: 'Phone',
        created_at: 'Created at',
        updated_at: 'Updated at',
        password: 'Initial password',
        reason: 'Reason for change',
        q: 'Search name or email',
      },
    },
  },
  staff: {
    filters: { role: 'Role', active: 'Status' },
    status: { active: 'Active', inactive: 'Deactivated' },
    regions_all: 'All regions',
    regions_help: 'Leave empty for every region; pick provinces or cities',
    reason_help: 'Required when the role or regions change; recorded in the audit log',
    password_help: 'At least 8 characters; hand it over through a safe channel',
    actions: {
      activate: 'Activate',
      deactivate: 'Deactivate',
      reset_password: 'Reset password',
    },
    dialog: {
      activate_title: 'Activate %{name}',
      deactivate_title: 'Deactivate %{name}',
      deactivate_content: 'A deactivated member cannot sign in, and open sessions are refused.',
      activate_content: 'The member will be able to sign in again.',
      reason: 'Reason (required, recorded in the audit log)',
      reset_title: 'Reset the password of %{name}',
      new_password: 'New password',
    },
    notify: {
      activated: 'Staff member activated',
      deactivated: 'Staff member deactivated',
      password_reset: 'Password reset',
      created: 'Staff account created',
    },
  },
};
