import { STAFF_ROLES } from '../providers/access';
import { choicesOf } from '../common/choices';

/** Choices for role inputs; names are i18n keys react-admin translates. */
export const ROLE_CHOICES = choicesOf(STAFF_ROLES, 'roles');
