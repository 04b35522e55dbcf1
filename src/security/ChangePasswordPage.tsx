import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { useAuthenticated, useLogout, useTranslate } from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { supabase } from '../providers/supabase';
import { authProvider } from '../providers/authProvider';
import { useRefusal } from '../common/refusal';
import { setOwnPassword } from './password';

const STRONG = /(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9]).{10,}/;

/** The first sign-in with a password an admin chose: the person sets their own. */
export const ChangePasswordPage = () => {
  useAuthenticated();
  const translate = useTranslate();
  const refusal = useRefusal();
  const navigate = useNavigate();
  const logout = useLogout();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const done = async () => {
    // the staff row changed: identity and permissions are read again
    authProvider.forgetStaff();
    await queryClient.resetQueries({ queryKey: ['auth'] });
    navigate('/', { replace: true });
  };

  // a change made before (the page closed between the two steps) needs only the second one
  useEffect(() => {
    let live = true;
    void supabase.rpc('staff_password_changed').then(({ data, error: e }) => {
      if (live && !e && data && !(data as { must_change_password?: boolean }).must_change_password) void done();
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const weak = next !== '' && !STRONG.test(next);
  const mismatch = again !== '' && again !== next;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await setOwnPassword(supabase, current, next);
      await done();
    } catch (err) {
      setError(refusal(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'background.default' }}>
      <Card sx={{ width: 420, maxWidth: '92vw' }}>
        <CardContent component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="change-password">
          <Typography variant="h6" component="h1" align="center">
            {translate('security.password.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('security.password.intro')}
          </Typography>
          <TextField
            type="password"
            name="current_password"
            label={translate('security.password.current')}
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            autoComplete="current-password"
            required
            autoFocus
          />
          <TextField
            type="password"
            name="new_password"
            label={translate('security.password.new')}
            value={next}
            onChange={(e) => setNext(e.target.value)}
            autoComplete="new-password"
            error={weak}
            helperText={translate('validation.password_min')}
            required
          />
          <TextField
            type="password"
            name="confirm_password"
            label={translate('security.password.again')}
            value={again}
            onChange={(e) => setAgain(e.target.value)}
            autoComplete="new-password"
            error={mismatch}
            helperText={mismatch ? translate('ra-supabase.validation.password_mismatch') : ' '}
            required
          />
          {error ? <Alert severity="error">{error}</Alert> : null}
          <Button type="submit" variant="contained" disabled={busy || !current || weak || !next || next !== again}>
            {translate('security.password.save')}
          </Button>
          <Button onClick={() => logout()} color="inherit" size="small">
            {translate('security.sign_out')}
          </Button>
        </CardContent>
      </Card>
    </Box>
  );
};

export default ChangePasswordPage;
