import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { LoginForm, LoginPage as SupabaseLoginPage } from 'ra-supabase';

/** ra-supabase's email + password login, with the product's name above the form. */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <SupabaseLoginPage>
      <Typography variant="h6" component="h1" align="center" sx={{ mt: 1 }}>
        {translate('app.title')}
      </Typography>
      <LoginForm />
    </SupabaseLoginPage>
  );
};
