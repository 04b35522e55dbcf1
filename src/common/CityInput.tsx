import { AutocompleteInput } from 'react-admin';
import { REGION_CHOICES, type RegionChoice } from '../common/regions';

const CITY_CHOICES = REGION_CHOICES.filter((r) => r.level === 'city');

/** One city (GB/T 2260 code), searchable by name. */
export const CityInput = ({ source = 'city_code', label, alwaysOn }: { source?: string; label?: string; alwaysOn?: boolean }) => (
  <AutocompleteInput
    source={source}
    label={label}
    choices={CITY_CHOICES}
    optionText={(r: RegionChoice) => r.label}
    inputText={(r: RegionChoice) => r.name}
    translateChoice={false}
    alwaysOn={alwaysOn}
    sx={{ minWidth: 180 }}
  />
);
