import { Link as MuiLink } from '@mui/material';
import { Link } from 'react-router-dom';
import { Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { ReviewModerationButton } from './ReviewActions';
import { StarsField, VisibilityField } from './ReviewFields';

const MerchantLink = (_props: { label?: string }) => {
  const r = useRecordContext<{ merchant_id: string; merchant_name: string }>();
  if (!r) return null;
  return <MuiLink component={Link} to={`/merchants/${r.merchant_id}/show/reviews`}>{r.merchant_name}</MuiLink>;
};

const HiddenDetails = () => {
  const r = useRecordContext<{ visibility: string }>();
  if (r?.visibility !== 'hidden') return null;
  return (
    <SimpleShowLayout sx={{ p: 0 }}>
      <TextField source="hidden_note" emptyText="—" />
      <TextField source="hidden_by_name" emptyText="—" />
      <DateTimeField source="hidden_at" />
    </SimpleShowLayout>
  );
};

/** One review: what the member wrote, about which visit, and how it was moderated. */
export const ReviewShow = () => (
  <Show actions={<TopToolbar><ReviewModerationButton /></TopToolbar>}>
    <SimpleShowLayout>
      <StarsField source="stars" label="resources.merchant_reviews.fields.stars" />
      <TextField source="body" />
      <MerchantLink label="resources.merchant_reviews.fields.merchant_name" />
      <TextField source="member_nickname" emptyText="—" />
      <TextField source="city_name" />
      <DateTimeField source="created_at" />
      <VisibilityField source="visibility" label="resources.merchant_reviews.fields.visibility" />
      <HiddenDetails />
    </SimpleShowLayout>
  </Show>
);
