// 渠道账单 and 对账: imported channel statements and the match against payments.
import RuleIcon from '@mui/icons-material/Rule';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const reconciliation: Feature = {
  name: 'reconciliation',
  resources: [
    {
      name: 'statements',
      menu: { group: 'finance', icon: UploadFileIcon },
      screens: lazyScreens(() => import('./statementScreens'), ['list', 'create']),
      recordRepresentation: 'statement_ref',
      view: 'v_channel_statements',
      count: 'exact', // one row per imported statement
      search: { anyOf: ['statement_ref'] },
    },
    {
      name: 'reconciliation',
      menu: { group: 'finance', icon: RuleIcon },
      screens: lazyScreens(() => import('./screens'), ['list']),
      view: 'v_reconciliation',
      count: 'exact', // the view computes every row anyway
      search: { anyOf: ['channel_txn_id', 'payment_no'] },
    },
  ],
  messages,
};
