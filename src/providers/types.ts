import type { StaffRole } from './access';

/** A row of public.staff (also what my_staff, staff_update and staff_set_active return). */
export interface Staff {
  id: string;
  email: string;
  display_name: string;
  role: StaffRole;
  region_codes: string[];
  active: boolean;
  phone: string | null;
  created_at: string;
  updated_at: string;
}

export interface CreateStaffInput {
  email: string;
  password: string;
  display_name: string;
  role: StaffRole;
  region_codes?: string[];
  phone?: string | null;
}

export interface UpdateStaffInput {
  id: string;
  display_name?: string | null;
  role?: StaffRole | null;
  region_codes?: string[] | null;
  phone?: string | null;
  /** required by the screen when role or regions change; stored in the audit log */
  reason?: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor_id: string | null;
  actor_email: string | null;
  actor_role: StaffRole | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  region_code: string | null;
}
