import { STAFF_ROLES } from '../providers/access';

/** Choices for role inputs; names are i18n keys react-admin translates. */
export const ROLE_CHOICES = STAFF_ROLES.map((id) => ({ id, name: `roles.${id}` }));
