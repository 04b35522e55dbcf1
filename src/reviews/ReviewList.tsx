import { ColumnsButton, DataTable, List, SearchInput, SelectInput, TopToolbar, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { ExportMenuButton, type ExportColumn } from '../common/export';
import { LIST_TABLE_SX, bigList, useHiddenColumns } from '../common/list';
import { ClipField } from '../common/list/ClipField';
import { CityInput } from '../common/CityInput';
import { merchantInput } from '../common/filterInputs';
import { ReviewModerationButton } from './ReviewActions';
import { StarsField, VisibilityField } from './ReviewFields';

const STAR_CHOICES = [5, 4, 3, 2, 1].map((n) => ({ id: n, name: '★'.repeat(n) }));
const VISIBILITY_CHOICES = [
  { id: 'visible', name: 'resources.merchant_reviews.visibility.visible' },
  { id: 'hidden', name: 'resources.merchant_reviews.visibility.hidden' },
];

function useFilters() {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.merchant_reviews.fields.q')} />,
    <SelectInput key="stars" source="stars" choices={STAR_CHOICES} translateChoice={false} alwaysOn />,
    <SelectInput key="visibility" source="visibility" choices={VISIBILITY_CHOICES} alwaysOn />,
    merchantInput(),
    <CityInput key="city" />,
  ];
}

const exportColumns = (t: (k: string) => string): ExportColumn[] => {
  const f = (k: string) => t(`resources.merchant_reviews.fields.${k}`);
  return [
    { source: 'created_at', label: f('created_at'), kind: 'datetime' },
    { source: 'stars', label: f('stars') },
    { source: 'body', label: f('body') },
    { source: 'merchant_name', label: f('merchant_name') },
    { source: 'member_nickname', label: f('member_nickname') },
    { source: 'city_name', label: f('city_name') },
    { source: 'visibility', label: f('visibility'), value: (r) => t(`resources.merchant_reviews.visibility.${r.visibility}`) },
    { source: 'hidden_reason', label: f('hidden_reason'), value: (r) => (r.hidden_reason ? t(`resources.merchant_reviews.reasons.${r.hidden_reason}`) : '') },
    { source: 'hidden_note', label: f('hidden_note') },
    { source: 'hidden_at', label: f('hidden_at'), kind: 'datetime' },
  ];
};

const Actions = () => (
  <TopToolbar>
    <ColumnsButton />
    <ExportMenuButton columns={exportColumns} fileName="merchant_reviews" />
  </TopToolbar>
);

const HIDDEN = ['city_name'];
const HIDDEN_NARROW = ['member_nickname', 'created_at'];

/** The moderation queue: newest reviews first; low stars, a merchant, a city or words narrow it. */
export const ReviewList = () => {
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  return (
    <List {...bigList()} filters={useFilters()} sort={{ field: 'created_at', order: 'DESC' }} actions={<Actions />} perPage={25} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false} sx={LIST_TABLE_SX} hiddenColumns={hidden}>
        <DataTable.Col source="created_at" field={DateTimeField} />
        <DataTable.Col source="stars" field={StarsField} />
        <DataTable.Col source="body" field={ClipField} />
        <DataTable.Col source="merchant_name" />
        <DataTable.Col source="member_nickname" />
        <DataTable.Col source="city_name" />
        <DataTable.Col source="visibility" field={VisibilityField} />
        <DataTable.Col label="resources.merchant_reviews.fields.actions" disableSort>
          <ReviewModerationButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
