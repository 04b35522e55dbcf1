// Filter inputs several lists share: a merchant, a member, a distributor, a range of Beijing
// days (the city is CityInput). Each returns elements keyed for a list's `filters` array.
import { AutocompleteInput, DateInput, ReferenceInput } from 'react-admin';
import { formatDate, shanghaiDayBound } from './datetime';

const q = (text: string) => ({ q: text });

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

const dayStart = (v: string) => (v ? shanghaiDayBound(v, 'start') : undefined);
const dayEnd = (v: string) => (v ? shanghaiDayBound(v, 'end') : undefined);
const asDay = (v: string | null | undefined) => (v ? formatDate(v) : '');

/** Two date inputs that filter `source` by whole Beijing days (gte the first's start, lte the last's end). */
export const dateRangeInputs = (source: string, labels: { from: string; to: string }, alwaysOn = false) => [
  <DateInput key={`${source}@gte`} source={`${source}@gte`} label={labels.from} parse={dayStart} format={asDay} alwaysOn={alwaysOn} />,
  <DateInput key={`${source}@lte`} source={`${source}@lte`} label={labels.to} parse={dayEnd} format={asDay} alwaysOn={alwaysOn} />,
];
