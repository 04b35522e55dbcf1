// 电话投诉: customer service takes a complaint by phone for a member. Find the member by the
// phone's last four digits or the name, pick the merchant and (optionally) the member's
// reservation with it, the category and what happened; files are stored under the new
// complaint (complaint-attachments/complaints/<id>/) and listed in an internal note.
// complaint_submit records the agent and source 'phone'.
import { useState } from 'react';
import { Alert, Autocomplete, Box, Button, Card, CardContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Title, useDataProvider, useGetList, useNotify, useRedirect, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { uploadObject } from '../common/storageUpload';
import { attachFiles, submitByPhone, type ComplaintCategory } from './api';
import { COMPLAINT_CATEGORIES } from './choices';
import { useRefusal } from '../common/refusal';

interface Option { id: string; label: string }

/** An autocomplete over a list resource, searched with its own search box (q). */
function useSearchOptions(resource: string, q: string, label: (r: Record<string, unknown>) => string, filter: Record<string, unknown> = {}, enabled = true) {
  const { data, isPending } = useGetList(resource, { pagination: { page: 1, perPage: 20 }, filter: { ...filter, ...(q ? { q } : {}) } }, { enabled });
  return { options: (data ?? []).map((r) => ({ id: String(r.id), label: label(r) })), loading: isPending && enabled };
}

const safeName = (name: string) => `${Date.now()}-${name.replace(/[^\w.-]+/g, '_').slice(-80)}`;

export const ComplaintCreate = () => {
  const t = useTranslate();
  const f = (k: string) => t(`resources.complaints.phone.${k}`);
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const refusal = useRefusal();
  const [memberQ, setMemberQ] = useState('');
  const [merchantQ, setMerchantQ] = useState('');
  const [member, setMember] = useState<Option | null>(null);
  const [merchant, setMerchant] = useState<Option | null>(null);
  const [reservationId, setReservationId] = useState('');
  const [category, setCategory] = useState<ComplaintCategory | ''>('');
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const members = useSearchOptions('members', memberQ, (r) => `${r.nickname} · ${r.phone ?? r.phone_masked ?? ''}`);
  const merchants = useSearchOptions('merchants', merchantQ, (r) => `${r.name} · ${r.city_name ?? ''}`);
  const reservations = useGetList('reservations', {
    pagination: { page: 1, perPage: 50 }, sort: { field: 'created_at', order: 'DESC' },
    filter: { member_id: member?.id, merchant_id: merchant?.id },
  }, { enabled: !!member && !!merchant });
  const valid = !!member && !!merchant && !!category && title.trim().length >= 2 && content.trim().length > 0;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const c = await submitByPhone(dataProvider, {
        memberId: member!.id, merchantId: merchant!.id, reservationId: reservationId || undefined,
        category: category as ComplaintCategory, title: title.trim(), content: content.trim(),
      });
      if (files.length) {
        const paths: string[] = [];
        for (const file of files) {
          paths.push(await uploadObject('complaint-attachments', `complaints/${c.id}/${safeName(file.name)}`, file));
        }
        await attachFiles(dataProvider, c.id, t('resources.complaints.phone.attachments_note', { count: paths.length }), paths);
      }
      notify('resources.complaints.phone.created', { type: 'success' });
      redirect('show', 'complaints', c.id);
    } catch (e) {
      setError(refusal(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 760 }}>
      <Title title={f('title')} />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">{f('intro')}</Typography>
          <Autocomplete
            options={members.options}
            loading={members.loading}
            value={member}
            filterOptions={(o) => o}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            onInputChange={(_e, v, reason) => reason === 'input' && setMemberQ(v.trim())}
            onChange={(_e, v) => { setMember(v); setReservationId(''); }}
            renderInput={(p) => <TextField {...p} label={f('member')} helperText={f('member_help')} required />}
          />
          <Autocomplete
            options={merchants.options}
            loading={merchants.loading}
            value={merchant}
            filterOptions={(o) => o}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            onInputChange={(_e, v, reason) => reason === 'input' && setMerchantQ(v.trim())}
            onChange={(_e, v) => { setMerchant(v); setReservationId(''); }}
            renderInput={(p) => <TextField {...p} label={f('merchant')} required />}
          />
          <TextField select label={f('reservation')} value={reservationId} onChange={(e) => setReservationId(e.target.value)}
            disabled={!member || !merchant} helperText={member && merchant && !reservations.data?.length ? f('no_reservation') : ' '}>
            <MenuItem value="">{f('none')}</MenuItem>
            {(reservations.data ?? []).map((r) => (
              <MenuItem key={r.id} value={String(r.id)}>
                {`${String(r.created_at).slice(0, 10)} · ${r.listing_title ?? ''} · ${t(`resources.reservations.state.${r.state}`, { _: r.state })}`}
              </MenuItem>
            ))}
          </TextField>
          <TextField select label={t('resources.complaints.fields.category')} value={category} required
            onChange={(e) => setCategory(e.target.value as ComplaintCategory)}>
            {COMPLAINT_CATEGORIES.map((c) => <MenuItem key={c} value={c}>{t(`resources.complaints.category.${c}`)}</MenuItem>)}
          </TextField>
          <TextField label={t('resources.complaints.fields.title')} value={title} onChange={(e) => setTitle(e.target.value)}
            required slotProps={{ htmlInput: { maxLength: 120, name: 'title' } }} />
          <TextField label={t('resources.complaints.fields.content')} value={content} onChange={(e) => setContent(e.target.value)}
            required multiline minRows={4} slotProps={{ htmlInput: { maxLength: 4000, name: 'content' } }} />
          <Box>
            <Button component="label" startIcon={<AttachFileIcon />} variant="outlined">
              {f('attach')}
              <input hidden type="file" multiple accept="image/*,application/pdf" data-testid="complaint-files"
                onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
            </Button>
            <Typography variant="body2" component="span" sx={{ ml: 1 }}>{files.map((x) => x.name).join('、')}</Typography>
          </Box>
          {error ? <Alert severity="error">{error}</Alert> : null}
          <Stack direction="row" spacing={1}>
            <Button variant="contained" disabled={!valid || busy} onClick={submit}>{f('submit')}</Button>
            <Button onClick={() => redirect('list', 'complaints')}>{t('ra.action.cancel')}</Button>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
};
