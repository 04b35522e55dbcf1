import { ColumnsButton, List, ReferenceInput, SearchInput, SelectInput, TopToolbar, useTranslate } from 'react-admin';
import { ExportMenuButton } from '../common/export';
import { choicesOf } from '../common/choices';
import { PAYMENT_CHANNEL_CHOICES } from '../common/paymentChannels';
import { RESULTS } from './choices';
import { ReconciliationTable } from './ReconciliationTable';
import { ListPagination } from '../common/list';
import { reconciliationExportColumns } from './exportColumns';

const filters = (translate: (k: string) => string) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.reconciliation.fields.q')} />,
  <ReferenceInput key="statement_id" source="statement_id" reference="statements" sort={{ field: 'imported_at', order: 'DESC' }} alwaysOn>
    <SelectInput optionText="statement_ref" label="resources.reconciliation.fields.statement_ref" />
  </ReferenceInput>,
  <SelectInput key="result" source="result" choices={choicesOf(RESULTS, 'reconciliation.result')} alwaysOn />,
  <SelectInput key="channel" source="channel" choices={PAYMENT_CHANNEL_CHOICES} alwaysOn />,
];

export const ReconciliationList = () => {
  const translate = useTranslate();
  return (
    <List
      pagination={<ListPagination />}
      filters={filters(translate)}
      sort={{ field: 'occurred_at', order: 'DESC' }}
      perPage={50}
      actions={
        <TopToolbar>
          <ColumnsButton />
          <ExportMenuButton columns={reconciliationExportColumns} fileName="reconciliation" />
        </TopToolbar>
      }
      exporter={false}
    >
      <ReconciliationTable />
    </List>
  );
};
