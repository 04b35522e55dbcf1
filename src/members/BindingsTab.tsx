import { useState } from 'react';
import { Box, Typography } from '@mui/material';
import { Button, DataTable, Pagination, ReferenceManyField, useTranslate } from 'react-admin';
import GavelIcon from '@mui/icons-material/Gavel';
import { DateTimeField } from '../common/DateTimeField';
import { ReasonField } from '../common/ReasonField';
import { BindingDisputeDialog } from './BindingDispute';

/** The member's bindings to distributors (as the customer), each opening its dispute screen. */
export const BindingsTab = () => {
  const t = useTranslate();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Box>
      <ReferenceManyField reference="v_customer_bindings" target="member_id" sort={{ field: 'bound_at', order: 'DESC' }} perPage={10}
        pagination={<Pagination />}
        empty={<Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>{t('resources.members.empty.bindings')}</Typography>}>
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="distributor_nickname" label="resources.members.binding.col.distributor" />
          <DataTable.Col source="merchant_name" label="resources.members.binding.col.merchant" />
          <DataTable.Col source="share_code" label="resources.members.binding.col.share" />
          <DataTable.Col source="bound_at" label="resources.members.binding.col.bound_at" field={DateTimeField} />
          <DataTable.Col source="expires_at" label="resources.members.binding.col.expires_at" field={DateTimeField} />
          <DataTable.Col source="ended_at" label="resources.members.binding.col.ended_at" field={DateTimeField} />
          <DataTable.Col source="end_reason" label="resources.members.binding.col.reason" field={ReasonField} />
          <DataTable.Col label="resources.members.binding.col.case"
            render={(r) => (
              <Button label="resources.members.binding.open" onClick={() => setOpen(String(r.id))}>
                <GavelIcon />
              </Button>
            )} />
        </DataTable>
      </ReferenceManyField>
      <BindingDisputeDialog bindingId={open} onClose={() => setOpen(null)} />
    </Box>
  );
};
