import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { reasonText } from './reasons';

/**
 * A record's reason (`code`, `code: note` or free text) in words, for tables and show pages.
 * `reasonsOf`: the feature whose own words for its codes come first (see reasons.ts).
 */
export const ReasonField = (props: FieldProps & { reasonsOf?: string; emptyText?: string }) => {
  const value = useFieldValue(props) as string | null | undefined;
  const translate = useTranslate();
  return <>{reasonText(value, translate, props.reasonsOf) || props.emptyText || ''}</>;
};
