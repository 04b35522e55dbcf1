import {
  Edit,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useRecordContext,
  type ValidateForm,
} from 'react-admin';
import { Box } from '@mui/material';
import type { Staff } from '../providers/types';
import { ROLE_CHOICES } from './roleChoices';
import { RegionInput } from './RegionInput';
import { ResetPasswordButton } from './ResetPasswordButton';
import { SetActiveButton } from './SetActiveButton';
import { validateName, validatePhone, validateRole } from './validation';

const sameCodes = (a: string[] = [], b: string[] = []) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** A permission change (role or regions) must carry a reason: it goes to the audit log. */
const needsReason =
  (record: Staff | undefined): ValidateForm =>
  (values) => {
    if (!record) return {};
    const changed = values.role !== record.role || !sameCodes(values.region_codes, record.region_codes);
    return changed && !String(values.reason ?? '').trim() ? { reason: 'errors.reason_required' } : {};
  };

const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
    <Box sx={{ flex: 1 }} />
    <ResetPasswordButton />
    <SetActiveButton />
  </Toolbar>
);

const StaffForm = () => {
  const record = useRecordContext<Staff>();
  return (
    <SimpleForm toolbar={<EditToolbar />} validate={needsReason(record)} sx={{ maxWidth: 640 }}>
      <TextInput source="email" disabled fullWidth />
      <TextInput source="display_name" validate={validateName} fullWidth />
      <SelectInput source="role" choices={ROLE_CHOICES} validate={validateRole} fullWidth />
      <RegionInput />
      <TextInput source="phone" validate={validatePhone} fullWidth />
      <TextInput source="reason" multiline minRows={2} helperText="staff.reason_help" fullWidth />
    </SimpleForm>
  );
};

export const StaffEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <StaffForm />
  </Edit>
);
