import { AutocompleteArrayInput, useTranslate } from 'react-admin';
import { REGION_CHOICES, type RegionChoice } from '../common/regions';

/** Multi-select of provinces and cities; an empty selection means every region. */
export const RegionInput = ({ source = 'region_codes' }: { source?: string }) => {
  const translate = useTranslate();
  return (
    <AutocompleteArrayInput
      source={source}
      choices={REGION_CHOICES}
      optionText={(r: RegionChoice) => r.label}
      translateChoice={false}
      helperText={translate('staff.regions_help')}
      parse={(v: string[] | null) => v ?? []}
      format={(v: string[] | null) => v ?? []}
      fullWidth
    />
  );
};
