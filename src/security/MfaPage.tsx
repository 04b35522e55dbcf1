import { useState, type FormEvent } from 'react';
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import { useAuthenticated, useLogout, useTranslate } from 'react-admin';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { supabase } from '../providers/supabase';
import { CodeField } from './CodeField';
import { codeMessage } from './codeMessage';
import { MFA_PATH, verifyCode } from './mfa';

/** The code screen: after the password, or when an action needs aal2 (mfa_required). */
export const MfaPage = () => {
  useAuthenticated();
  const translate = useTranslate();
  const navigate = useNavigate();
  const logout = useLogout();
  const [params] = useSearchParams();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await verifyCode(supabase, code);
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith(MFA_PATH) ? next : '/', { replace: true });
    } catch (err) {
      setError(codeMessage(err));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'background.default' }}>
      <Card sx={{ width: 380, maxWidth: '92vw' }}>
        <CardContent component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Typography variant="h6" component="h1" align="center">
            {translate('security.mfa_title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('security.mfa_intro')}
          </Typography>
          <CodeField value={code} onChange={setCode} error={error} autoFocus />
          <Button type="submit" variant="contained" disabled={busy || code.length !== 6}>
            {translate('security.verify')}
          </Button>
          <Button onClick={() => logout()} color="inherit" size="small">
            {translate('security.sign_out')}
          </Button>
        </CardContent>
      </Card>
    </Box>
  );
};

export default MfaPage;
