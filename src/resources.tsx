// The registry of screens. A feature adds one entry here (and a folder under src/);
// App.tsx turns each entry into a <Resource>, the menu and the dashboard read it too.
// Screens are React.lazy so the login page does not download them.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { SvgIconComponent } from '@mui/icons-material';
import BadgeIcon from '@mui/icons-material/Badge';
import HistoryIcon from '@mui/icons-material/History';
import DashboardIcon from '@mui/icons-material/Dashboard';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import PeopleIcon from '@mui/icons-material/People';
import EventNoteIcon from '@mui/icons-material/EventNote';
import PointOfSaleIcon from '@mui/icons-material/PointOfSale';
import ShareIcon from '@mui/icons-material/Share';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import InsightsIcon from '@mui/icons-material/Insights';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import StorefrontIcon from '@mui/icons-material/Storefront';
import DirectionsCarIcon from '@mui/icons-material/DirectionsCar';
import CategoryIcon from '@mui/icons-material/Category';
import CampaignIcon from '@mui/icons-material/Campaign';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import RuleIcon from '@mui/icons-material/Rule';
import PercentIcon from '@mui/icons-material/Percent';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import SavingsIcon from '@mui/icons-material/Savings';
import type { AppResource } from './providers/access';

export type MenuGroup = 'workspace' | 'merchants' | 'trading' | 'service' | 'finance' | 'analytics' | 'system';
export const MENU_GROUPS: readonly MenuGroup[] = ['workspace', 'merchants', 'trading', 'service', 'finance', 'analytics', 'system'];

type Screen = LazyExoticComponent<ComponentType>;
type Screens = { list?: Screen; show?: Screen; edit?: Screen; create?: Screen };
type ScreenModule = Partial<Record<keyof Screens, ComponentType>>;

export interface ResourceDef extends Screens {
  name: AppResource;
  group: MenuGroup;
  icon: SvgIconComponent;
  /** react-admin's recordRepresentation (title of show/edit pages, references) */
  recordRepresentation?: string;
  /** not a react-admin resource, only a menu entry to a custom route (e.g. the dashboard at "/") */
  path?: string;
}

/** Lazy screens from one feature module exporting `{ list, show, edit, create }`. */
function screens(load: () => Promise<ScreenModule>, which: (keyof Screens)[]): Screens {
  const out: Screens = {};
  for (const key of which) {
    out[key] = lazy(async () => {
      const mod = await load();
      const component = mod[key];
      if (!component) throw new Error(`screen ${key} missing`);
      return { default: component };
    });
  }
  return out;
}

export const resources: ResourceDef[] = [
  { name: 'dashboard', group: 'workspace', icon: DashboardIcon, path: '/' },
  { name: 'ranking_rules', group: 'merchants', icon: LeaderboardIcon, recordRepresentation: 'name', ...screens(() => import('./ranking'), ['list']) },
  { name: 'analytics', group: 'analytics', icon: InsightsIcon, ...screens(() => import('./analytics'), ['list']) },
  { name: 'merchant_applications', group: 'merchants', icon: FactCheckIcon, recordRepresentation: 'company_name', ...screens(() => import('./merchant-applications'), ['list', 'show']) },
  { name: 'merchants', group: 'merchants', icon: StorefrontIcon, recordRepresentation: 'name', ...screens(() => import('./merchants'), ['list', 'show', 'edit']) },
  { name: 'listings', group: 'merchants', icon: DirectionsCarIcon, recordRepresentation: 'title', ...screens(() => import('./listings'), ['list', 'show']) },
  { name: 'catalogue', group: 'merchants', icon: CategoryIcon, recordRepresentation: 'name', ...screens(() => import('./catalogue'), ['list', 'show']) },
  { name: 'promotions', group: 'merchants', icon: CampaignIcon, ...screens(() => import('./promotions'), ['list']) },
  { name: 'payments', group: 'finance', icon: ReceiptLongIcon, recordRepresentation: 'payment_no', ...screens(() => import('./payments'), ['list', 'show']) },
  { name: 'statements', group: 'finance', icon: UploadFileIcon, recordRepresentation: 'statement_ref', ...screens(() => import('./reconciliation/statements'), ['list', 'create']) },
  { name: 'reconciliation', group: 'finance', icon: RuleIcon, ...screens(() => import('./reconciliation'), ['list']) },
  { name: 'commissions', group: 'finance', icon: PercentIcon, ...screens(() => import('./commissions'), ['list']) },
  { name: 'settlements', group: 'finance', icon: AccountBalanceIcon, ...screens(() => import('./settlements'), ['list', 'show']) },
  { name: 'withdrawals', group: 'finance', icon: SavingsIcon, recordRepresentation: 'withdrawal_no', ...screens(() => import('./withdrawals'), ['list', 'show']) },
  { name: 'ledger', group: 'finance', icon: AccountBalanceWalletIcon, recordRepresentation: 'owner_name', ...screens(() => import('./accounts'), ['list', 'show']) },
  { name: 'members', group: 'service', icon: PeopleIcon, recordRepresentation: 'nickname', ...screens(() => import('./members'), ['list', 'show']) },
  { name: 'reservations', group: 'trading', icon: EventNoteIcon, recordRepresentation: 'listing_title', ...screens(() => import('./reservations'), ['list', 'show']) },
  { name: 'trades', group: 'trading', icon: PointOfSaleIcon, recordRepresentation: 'listing_title', ...screens(() => import('./trades'), ['list', 'show']) },
  { name: 'distribution', group: 'trading', icon: ShareIcon, recordRepresentation: 'nickname', ...screens(() => import('./distribution'), ['list', 'show']) },
  { name: 'complaints', group: 'service', icon: ReportProblemIcon, recordRepresentation: 'title', ...screens(() => import('./complaints'), ['list', 'show']) },
  {
    name: 'staff',
    group: 'system',
    icon: BadgeIcon,
    recordRepresentation: 'display_name',
    ...screens(() => import('./staff'), ['list', 'edit', 'create']),
  },
  {
    name: 'audit_log',
    group: 'system',
    icon: HistoryIcon,
    ...screens(() => import('./audit'), ['list']),
  },
];
