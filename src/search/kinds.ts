// What each kind of global_search result opens, and its icon; the order is the order of the
// groups in the results (numbers first: a number names one record).
import type { SvgIconComponent } from '@mui/icons-material';
import EventIcon from '@mui/icons-material/Event';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import PaymentIcon from '@mui/icons-material/Payment';
import PeopleIcon from '@mui/icons-material/People';
import StorefrontIcon from '@mui/icons-material/Storefront';
import DirectionsCarIcon from '@mui/icons-material/DirectionsCar';
import type { AppResource } from '../providers/access';

export interface HitKind {
  kind: string;
  resource: AppResource;
  icon: SvgIconComponent;
}

export const HIT_KINDS: readonly HitKind[] = [
  { kind: 'reservation', resource: 'reservations', icon: EventIcon },
  { kind: 'trade', resource: 'trades', icon: ReceiptLongIcon },
  { kind: 'withdrawal', resource: 'withdrawals', icon: AccountBalanceWalletIcon },
  { kind: 'payment', resource: 'payments', icon: PaymentIcon },
  { kind: 'member', resource: 'members', icon: PeopleIcon },
  { kind: 'merchant', resource: 'merchants', icon: StorefrontIcon },
  { kind: 'listing', resource: 'listings', icon: DirectionsCarIcon },
  { kind: 'complaint', resource: 'complaints', icon: ReportProblemIcon },
];

export const kindOf = (kind: string): HitKind | undefined => HIT_KINDS.find((k) => k.kind === kind);

/** Results in the groups' order, each group in the order the database gave. */
export function grouped<T extends { kind: string }>(hits: T[]): { kind: HitKind; hits: T[] }[] {
  return HIT_KINDS.map((kind) => ({ kind, hits: hits.filter((h) => h.kind === kind.kind) })).filter((g) => g.hits.length > 0);
}
