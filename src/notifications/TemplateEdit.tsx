// One template: its text with the placeholders the event offers, the provider's template code
// and parameters (SMS, WeChat), a preview rendered by the database with sample data (the same
// renderer notify sends with), and saving with a coded reason (audited).
import { useState } from 'react';
import PreviewIcon from '@mui/icons-material/Preview';
import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, Card, CardContent, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import { Button, Edit, useDataProvider, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { useRefusal } from '../common/refusal';
import type { AppDataProvider } from '../providers/dataProvider';
import { previewTemplate, updateTemplate, type NotificationChannel, type NotificationEvent, type TemplateDraft } from './api';
import { TEMPLATE_REASONS } from './choices';

const P = 'resources.notification_templates';
const O = 'resources.notification_outbox';

interface TemplateRow {
  id: string;
  event: NotificationEvent;
  channel: NotificationChannel;
  enabled: boolean;
  subject: string;
  body: string;
  provider_template_code: string;
  provider_params: Record<string, string>;
}

/** The parameters as typed: an object of texts, or null while it is not one. */
function parseParams(text: string): Record<string, string> | null {
  if (text.trim() === '') return {};
  try {
    const v: unknown = JSON.parse(text);
    if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
    return Object.values(v).every((x) => typeof x === 'string') ? (v as Record<string, string>) : null;
  } catch {
    return null;
  }
}

/** The form, its state started from the stored template (remounted per template). */
const TemplateForm = ({ record }: { record: TemplateRow }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const refusal = useRefusal();
  const [subject, setSubject] = useState(record.subject);
  const [body, setBody] = useState(record.body);
  const [enabled, setEnabled] = useState(record.enabled);
  const [code, setCode] = useState(record.provider_template_code);
  const [paramsText, setParamsText] = useState(
    Object.keys(record.provider_params ?? {}).length ? JSON.stringify(record.provider_params, null, 2) : '',
  );
  const [preview, setPreview] = useState<{ subject: string; body: string; keys: string[] } | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const params = parseParams(paramsText);
  const isEmail = record.channel === 'email';
  const draft: TemplateDraft = { subject, body, enabled, providerTemplateCode: code.trim(), providerParams: params ?? {} };

  const runPreview = async () => {
    try {
      const r = await previewTemplate(dataProvider, record.event, record.channel, { subject, body });
      setPreview({ subject: r.subject, body: r.body, keys: Object.keys(r.payload) });
      setPreviewError(null);
    } catch (e) {
      setPreviewError(refusal(e));
    }
  };

  return (
    <Card>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate(`${P}.edit.title`, {
            event: translate(`${O}.events.${record.event}`),
            channel: translate(`${O}.channels.${record.channel}`),
          })}
        </Typography>
        <Stack spacing={2} sx={{ maxWidth: 720 }}>
          <FormControlLabel control={<Switch checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />} label={translate(`${P}.fields.enabled`)} />
          {isEmail && <TextField label={translate(`${P}.fields.subject`)} value={subject} onChange={(e) => setSubject(e.target.value)} slotProps={{ htmlInput: { maxLength: 200 } }} />}
          <TextField
            label={translate(`${P}.fields.body`)}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            multiline
            minRows={4}
            slotProps={{ htmlInput: { maxLength: 2000 } }}
            helperText={preview ? translate(`${P}.edit.placeholders`, { keys: preview.keys.map((k) => `{{${k}}}`).join(' ') }) : undefined}
          />
          {!isEmail && (
            <>
              <Alert severity="info">{translate(`${P}.edit.provider_hint`)}</Alert>
              <TextField label={translate(`${P}.fields.provider_template_code`)} value={code} onChange={(e) => setCode(e.target.value)} slotProps={{ htmlInput: { maxLength: 100 } }} />
              <TextField
                label={translate(`${P}.fields.provider_params`)}
                value={paramsText}
                onChange={(e) => setParamsText(e.target.value)}
                multiline
                minRows={2}
                error={params === null}
                helperText={params === null ? translate(`${P}.edit.params_invalid`) : undefined}
              />
            </>
          )}
          <Stack direction="row" spacing={1}>
            <Button label={`${P}.edit.preview`} variant="outlined" onClick={runPreview}>
              <PreviewIcon />
            </Button>
            <Button label={`${P}.edit.save`} variant="contained" disabled={params === null || body.trim() === ''} onClick={() => setSaving(true)}>
              <SaveIcon />
            </Button>
          </Stack>
          {previewError && <Alert severity="error">{previewError}</Alert>}
          {preview && (
            <Box component="section" aria-label={translate(`${P}.edit.preview_title`)} sx={{ p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}>
              <Typography variant="subtitle2" gutterBottom>{translate(`${P}.edit.preview_title`)}</Typography>
              {isEmail && <Typography variant="subtitle1" data-testid="preview-subject">{preview.subject}</Typography>}
              <Typography component="pre" data-testid="preview-body" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', m: 0 }}>{preview.body}</Typography>
            </Box>
          )}
        </Stack>
      </CardContent>
      <ActionDialog
        open={saving}
        title={translate(`${P}.edit.save_title`)}
        content={translate(`${P}.edit.save_content`)}
        reasons={{ codes: TEMPLATE_REASONS, labelPrefix: 'reasons' }}
        confirmLabel={translate(`${P}.edit.save`)}
        onClose={() => setSaving(false)}
        onConfirm={async ({ reasonCode, note }) => {
          await updateTemplate(dataProvider, record.event, record.channel, draft, reasonCode, note);
          setSaving(false);
          notify(`${P}.edit.saved`, { type: 'success' });
          redirect('list', 'notification_templates');
        }}
      />
    </Card>
  );
};

const TemplateEditor = () => {
  const record = useRecordContext<TemplateRow>();
  return record ? <TemplateForm key={record.id} record={record} /> : null;
};

export const TemplateEdit = () => (
  <Edit actions={false} component="div" mutationMode="pessimistic">
    <TemplateEditor />
  </Edit>
);
