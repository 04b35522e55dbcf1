// 操作日志: the append-only audit log.
import HistoryIcon from '@mui/icons-material/History';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const audit: Feature = {
  name: 'audit',
  resources: [
    {
      name: 'audit_log',
      menu: { group: 'system', icon: HistoryIcon },
      screens: lazyScreens(() => import('./screens'), ['list']),
      // before/after come masked through the view; the table grants no select on them
      view: 'v_audit_log',
      count: 'estimated',
      search: null, // filtered by actor, action, entity and date instead
    },
  ],
  messages,
};
