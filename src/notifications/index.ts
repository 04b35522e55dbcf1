// 通知: what the platform tells merchants, applicants and members. The outbox (every message,
// its state and attempts; admins retry what was given up) and the templates (zh-CN text per
// event and channel, changed by admins with a coded reason, previewed as the sender renders
// them), both under 系统管理. Delivery is the notify edge function's (docs/DOMAIN.md).
import OutboxIcon from '@mui/icons-material/Outbox';
import TextSnippetIcon from '@mui/icons-material/TextSnippet';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const notifications: Feature = {
  name: 'notifications',
  resources: [
    {
      name: 'notification_outbox',
      menu: { group: 'system', icon: OutboxIcon },
      screens: lazyScreens(() => import('./outboxScreens'), ['list']),
      view: 'v_notification_outbox',
      count: 'estimated',
      search: null,
    },
    {
      name: 'notification_templates',
      menu: { group: 'system', icon: TextSnippetIcon },
      screens: lazyScreens(() => import('./templateScreens'), ['list', 'edit']),
      view: 'v_notification_templates',
      count: 'exact',
      search: null,
    },
  ],
  messages,
};
