import { Chip, type ChipProps } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

const ROLE_COLORS: Record<string, ChipProps['color']> = {
  admin: 'error',
  reviewer: 'primary',
  customer_service: 'info',
  finance: 'success',
  analyst: 'secondary',
};

/** A staff role as a coloured, translated chip. */
export const RoleChip = ({ role, size = 'small' }: { role?: string | null; size?: ChipProps['size'] }) => {
  const translate = useTranslate();
  if (!role) return null;
  return <Chip size={size} color={ROLE_COLORS[role] ?? 'default'} label={translate(`roles.${role}`, { _: role })} />;
};

export const RoleField = (props: FieldProps) => {
  const value = useFieldValue(props);
  return <RoleChip role={value} />;
};
