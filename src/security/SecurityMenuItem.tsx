import { forwardRef } from 'react';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import SecurityIcon from '@mui/icons-material/Security';
import { useTranslate, useUserMenu } from 'react-admin';
import { Link } from 'react-router-dom';
import { SECURITY_PATH } from './mfa';

/** 账户安全 in the user menu. */
export const SecurityMenuItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to={SECURITY_PATH} ref={ref} {...props} onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <SecurityIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('security.menu')}</ListItemText>
    </MenuItem>
  );
});
SecurityMenuItem.displayName = 'SecurityMenuItem';
