// Audit log (操作日志) messages; the actions and entities come from actions.ts.
// zh and en have exactly the same keys.
import { ACTION_WORDS, ENTITY_WORDS, wordsOf } from './actions';
import { fieldWords } from './fieldWords';

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
    diff: { field: '字段', before: '变更前', after: '变更后', empty: '无数据变更', changed: '已变更', yes: '是', no: '否', open: '查看对象' },
    fields: fieldWords('zh'),
    actions: wordsOf(ACTION_WORDS, 'zh'),
    entities: wordsOf(ENTITY_WORDS, 'zh'),
    export_action: '导出：%{list}',
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
    diff: { field: 'Field', before: 'Before', after: 'After', empty: 'No data changed', changed: 'Changed', yes: 'Yes', no: 'No', open: 'Open record' },
    fields: fieldWords('en'),
    actions: wordsOf(ACTION_WORDS, 'en'),
    entities: wordsOf(ENTITY_WORDS, 'en'),
    export_action: 'Export: %{list}',
  },
};
