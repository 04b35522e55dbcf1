import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Box, Button, Card, CardContent, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { Confirm, Title, useNotify, useTranslate } from 'react-admin';
import type { Factor } from '@supabase/supabase-js';
import { supabase } from '../providers/supabase';
import { CodeField } from './CodeField';
import { codeMessage } from './codeMessage';

interface Enrolment {
  id: string;
  qr: string;
  secret: string;
}

/** 账户安全: the user's authenticator apps (TOTP factors): add one with its QR code, remove one. */
export const SecurityPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [removing, setRemoving] = useState<Factor | null>(null);
  const [busy, setBusy] = useState(false);

  const { data: factors = [], refetch } = useQuery({
    queryKey: ['security', 'factors'],
    queryFn: async (): Promise<Factor[]> => {
      const { data, error: e } = await supabase.auth.mfa.listFactors();
      if (e) throw e;
      return data.totp;
    },
  });
  const load = async () => {
    await refetch();
  };

  const start = async () => {
    setBusy(true);
    try {
      // an abandoned earlier attempt would block a new one of the same name
      const { data: all } = await supabase.auth.mfa.listFactors();
      for (const f of all?.all ?? []) if (f.status !== 'verified') await supabase.auth.mfa.unenroll({ factorId: f.id });
      const { data, error: e } = await supabase.auth.mfa.enroll({
        factorType: 'totp',
        friendlyName: `${translate('security.authenticator')} ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`,
      });
      if (e) throw e;
      setEnrolment({ id: data.id, qr: data.totp.qr_code, secret: data.totp.secret });
      setCode('');
      setError(undefined);
    } catch {
      notify('errors.unknown', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const confirmEnrolment = async () => {
    if (!enrolment) return;
    setBusy(true);
    const { error: e } = await supabase.auth.mfa.challengeAndVerify({ factorId: enrolment.id, code });
    setBusy(false);
    if (e) {
      setError(codeMessage(e));
      setCode('');
      return;
    }
    setEnrolment(null);
    notify('security.added', { type: 'success' });
    await load();
  };

  const cancelEnrolment = async () => {
    if (enrolment) await supabase.auth.mfa.unenroll({ factorId: enrolment.id });
    setEnrolment(null);
  };

  const remove = async () => {
    if (!removing) return;
    const { error: e } = await supabase.auth.mfa.unenroll({ factorId: removing.id });
    setRemoving(null);
    if (e) {
      notify(e.code === 'insufficient_aal' ? 'errors.mfa_required' : 'errors.unknown', { type: 'error' });
      return;
    }
    // the session falls back to aal1 at its next refresh; take it now
    await supabase.auth.refreshSession();
    notify('security.removed', { type: 'success' });
    await load();
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 640 }}>
      <Title title={translate('security.title')} />
      <Card>
        <CardContent>
          <Typography variant="h6" gutterBottom>
            {translate('security.factors')}
          </Typography>
          {factors.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {translate('security.none')}
            </Typography>
          ) : (
            <List dense>
              {factors.map((f) => (
                <ListItem
                  key={f.id}
                  secondaryAction={
                    <Button color="error" onClick={() => setRemoving(f)}>
                      {translate('security.remove')}
                    </Button>
                  }
                >
                  <ListItemText
                    primary={f.friendly_name || translate('security.authenticator')}
                    secondary={translate('security.enabled_since', { date: new Date(f.created_at).toLocaleDateString() })}
                  />
                </ListItem>
              ))}
            </List>
          )}
          {enrolment ? (
            <Stack spacing={2} sx={{ mt: 2 }}>
              <Typography variant="body2">{translate('security.scan')}</Typography>
              <Box component="img" src={enrolment.qr} alt="QR" sx={{ width: 200, height: 200, bgcolor: 'white', p: 1 }} />
              <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid="totp-secret">
                {translate('security.secret')}: {enrolment.secret}
              </Typography>
              <Typography variant="body2">{translate('security.confirm')}</Typography>
              <CodeField value={code} onChange={setCode} error={error} autoFocus />
              <Stack direction="row" spacing={1}>
                <Button variant="contained" disabled={busy || code.length !== 6} onClick={confirmEnrolment}>
                  {translate('security.verify')}
                </Button>
                <Button onClick={cancelEnrolment}>{translate('security.cancel')}</Button>
              </Stack>
            </Stack>
          ) : (
            <Button variant="contained" sx={{ mt: 2 }} disabled={busy} onClick={start}>
              {translate('security.add')}
            </Button>
          )}
        </CardContent>
      </Card>
      <Confirm
        isOpen={!!removing}
        title="security.remove"
        content="security.remove_confirm"
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      />
    </Box>
  );
};

export default SecurityPage;
