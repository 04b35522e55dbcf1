// 收款账户核验: the payee account verification queue. A withdrawal needs a verified account;
// finance verifies new and changed accounts against the owner's documents, or rejects them
// with a reason. Whoever added an account does not verify it (four_eyes_rules.payee_verify).
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const payees: Feature = {
  name: 'payees',
  resources: [
    {
      name: 'bank_accounts',
      menu: { group: 'finance', icon: VerifiedUserIcon },
      screens: lazyScreens(() => import('./screens'), ['list', 'show']),
      recordRepresentation: 'owner_name',
      view: 'v_bank_accounts',
      // a few accounts per merchant and distributor: an exact count is cheap
      count: 'exact',
    },
  ],
  messages,
};
