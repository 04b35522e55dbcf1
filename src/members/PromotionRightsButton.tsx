import { useState } from 'react';
import CampaignIcon from '@mui/icons-material/Campaign';
import { Button, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { ActionDialog } from '../common/ActionDialog';
import { setPromotionRights } from './api';
import { GRANT_RIGHTS_REASONS, REVOKE_RIGHTS_REASONS } from './choices';

/** Grant (or revoke) promotion rights with a coded reason: a reviewer's or admin's distribution case. */
export const PromotionRightsButton = ({ record }: { record: { id: string; nickname: string; has_promotion_rights: boolean } }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const verb = record.has_promotion_rights ? 'revoke_rights' : 'grant_rights';
  return (
    <>
      <Button label={`resources.members.actions.${verb}`} variant="outlined" color={record.has_promotion_rights ? 'error' : 'primary'}
        onClick={() => setOpen(true)}>
        <CampaignIcon />
      </Button>
      <ActionDialog
        open={open}
        title={translate(`resources.members.dialog.${verb}_title`, { name: record.nickname })}
        content={translate(`resources.members.dialog.${verb}_content`)}
        reasons={{ codes: record.has_promotion_rights ? REVOKE_RIGHTS_REASONS : GRANT_RIGHTS_REASONS, labelPrefix: 'reasons' }}
        confirmLabel={translate(`resources.members.actions.${verb}`)}
        color={record.has_promotion_rights ? 'error' : 'primary'}
        onClose={() => setOpen(false)}
        onConfirm={async ({ reasonCode, note }) => {
          await setPromotionRights(dataProvider, record.id, !record.has_promotion_rights, reasonCode, note);
          setOpen(false);
          notify(`resources.members.notify.${verb}`, { type: 'success' });
          refresh();
        }}
      />
    </>
  );
};
