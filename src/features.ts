// The one list of features. A new feature adds its folder (with an index.ts exporting its
// Feature) and one line here; access.ts says who may use it. Order = menu order within a
// group. Only manifests are imported here: screens stay lazy, out of the login page's bundle.
import type { Feature, ResourceManifest } from './common/feature';
import type { ReadSettings } from './providers/resourceMap';
import { dashboard } from './dashboard';
import { ranking } from './ranking';
import { analytics } from './analytics';
import { merchantApplications } from './merchant-applications';
import { merchants } from './merchants';
import { listings } from './listings';
import { catalogue } from './catalogue';
import { promotions } from './promotions';
import { payments } from './payments';
import { fees } from './fees';
import { reconciliation } from './reconciliation';
import { commissions } from './commissions';
import { settlements } from './settlements';
import { withdrawals } from './withdrawals';
import { payouts } from './payouts';
import { payees } from './payees';
import { accounts } from './accounts';
import { members } from './members';
import { reservations } from './reservations';
import { trades } from './trades';
import { distribution } from './distribution';
import { complaints } from './complaints';
import { reviews } from './reviews';
import { staff } from './staff';
import { audit } from './audit';
import { jobs } from './jobs';
import { settings } from './settings';
import { notifications } from './notifications';
import { security } from './security';
import { search } from './search';

export const FEATURES: readonly Feature[] = [
  dashboard,
  ranking,
  analytics,
  merchantApplications,
  merchants,
  listings,
  catalogue,
  promotions,
  payments,
  fees,
  reconciliation,
  commissions,
  settlements,
  withdrawals,
  payouts,
  payees,
  accounts,
  members,
  reservations,
  trades,
  distribution,
  complaints,
  reviews,
  staff,
  settings,
  notifications,
  audit,
  jobs,
  security,
  search,
];

/** Every resource of every feature, in menu order. */
export const RESOURCE_MANIFESTS: readonly ResourceManifest[] = FEATURES.flatMap((f) => f.resources);

/** The home page: the dashboard's screen, routed at "/" instead of being a resource. */
export const HomePage = dashboard.resources[0].screens?.list;

const READ = new Map<string, ReadSettings>([
  ...RESOURCE_MANIFESTS.map((r): [string, ReadSettings] => [r.name, r]),
  ...FEATURES.flatMap((f) => Object.entries(f.reads ?? {})),
]);

/** A resource's read model, count strategy and search ({}: the defaults). */
export const readSettingsOf = (resource: string): ReadSettings => READ.get(resource) ?? {};
