import { Show, useRecordContext, useTranslate } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { AccountPanel, type AccountBalance } from './AccountPanel';

const Body = () => {
  const record = useRecordContext<AccountBalance>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h6" gutterBottom>
        {record.owner_name} · {translate(`payments.payer_type.${record.owner_type}`)}
      </Typography>
      <AccountPanel account={record} />
    </Box>
  );
};

export const AccountShow = () => (
  <Show actions={false}>
    <Body />
  </Show>
);
