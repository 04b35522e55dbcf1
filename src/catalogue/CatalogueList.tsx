import { DataTable, List, NumberField, TopToolbar, BooleanField, useCanAccess } from 'react-admin';
import { EditDialog } from './EditDialog';
import { BRAND_COLUMNS, BrandForm, brandTransform } from './forms';
import { SearchBox } from '../common/SearchBox';
import { LIST_TABLE_SX, ListPagination } from '../common/list';

const filters = [<SearchBox key="q" source="q" alwaysOn placeholder="resources.catalogue.fields.q" sx={{ minWidth: 300 }} />];

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'catalogue', action: 'create' });
  return (
    <TopToolbar>
      {canAccess ? (
        <EditDialog table="car_brands" label="resources.catalogue.actions.add_brand" columns={BRAND_COLUMNS} transform={brandTransform} defaults={{ active: true, sort_order: 0 }}>
          <BrandForm />
        </EditDialog>
      ) : null}
    </TopToolbar>
  );
};

/** Brands, the catalogue's first level; a brand's page lists its series and models. */
export const CatalogueList = () => (
  <List pagination={<ListPagination />} filters={filters} actions={<Actions />} sort={{ field: 'sort_order', order: 'ASC' }} perPage={50} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false} sx={LIST_TABLE_SX}>
      <DataTable.Col source="name" />
      <DataTable.Col source="name_en" />
      <DataTable.Col source="name_pinyin" />
      <DataTable.Col source="name_initials" />
      <DataTable.Col source="country" />
      <DataTable.NumberCol source="series_count" field={NumberField} disableSort />
      <DataTable.NumberCol source="model_count" field={NumberField} disableSort />
      <DataTable.Col source="active" field={BooleanField} />
    </DataTable>
  </List>
);
