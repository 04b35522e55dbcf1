// Filter inputs the reservation, trade and distribution lists share.
import { AutocompleteInput, DateInput, ReferenceInput } from 'react-admin';
import { shanghaiDayBound } from '../common/datetime';
import { REGION_CHOICES } from '../common/regions';

export const CITY_CHOICES = REGION_CHOICES.filter((r) => r.level === 'city');
export const dayStart = (v: string) => (v ? shanghaiDayBound(v, 'start') : undefined);
export const dayEnd = (v: string) => (v ? shanghaiDayBound(v, 'end') : undefined);
export const asDay = (v: string | null | undefined) => (v ? String(v).slice(0, 10) : '');
const q = (text: string) => ({ q: text });

export const cityInput = (label?: string) => (
  <AutocompleteInput key="city" source="city_code" label={label} choices={CITY_CHOICES} optionText="label" />
);

export const merchantInput = (label?: string) => (
  <ReferenceInput key="merchant" source="merchant_id" reference="merchants">
    <AutocompleteInput label={label} optionText="name" filterToQuery={q} />
  </ReferenceInput>
);

export const memberInput = (label?: string) => (
  <ReferenceInput key="member" source="member_id" reference="members">
    <AutocompleteInput label={label} optionText="nickname" filterToQuery={q} />
  </ReferenceInput>
);

export const distributorInput = (label?: string) => (
  <ReferenceInput key="distributor" source="distributor_id" reference="members" filter={{ has_promotion_rights: true }}>
    <AutocompleteInput label={label} optionText="nickname" filterToQuery={q} />
  </ReferenceInput>
);

export const dateRangeInputs = (field: string, fromLabel: string, toLabel: string, alwaysOn = false) => [
  <DateInput key={`${field}-from`} source={`${field}@gte`} label={fromLabel} parse={dayStart} format={asDay} alwaysOn={alwaysOn} />,
  <DateInput key={`${field}-to`} source={`${field}@lte`} label={toLabel} parse={dayEnd} format={asDay} alwaysOn={alwaysOn} />,
];
