import { Create, PasswordInput, SelectInput, SimpleForm, TextInput, useNotify, useRedirect } from 'react-admin';
import { ROLE_CHOICES } from './roleChoices';
import { RegionInput } from './RegionInput';
import { validateEmail, validateName, validatePassword, validatePhone, validateRole } from './validation';

export const StaffCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Create
      redirect="list"
      mutationOptions={{
        onSuccess: () => {
          notify('staff.notify.created', { type: 'success' });
          redirect('list', 'staff');
        },
      }}
    >
      <SimpleForm defaultValues={{ role: 'reviewer', region_codes: [] }} sx={{ maxWidth: 640 }}>
        <TextInput source="email" type="email" validate={validateEmail} autoComplete="off" fullWidth />
        <PasswordInput
          source="password"
          validate={validatePassword}
          autoComplete="new-password"
          helperText="staff.password_help"
          fullWidth
        />
        <TextInput source="display_name" validate={validateName} fullWidth />
        <SelectInput source="role" choices={ROLE_CHOICES} validate={validateRole} fullWidth />
        <RegionInput />
        <TextInput source="phone" validate={validatePhone} fullWidth />
      </SimpleForm>
    </Create>
  );
};
