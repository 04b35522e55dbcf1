/** Choices for a SelectInput from an enum's values, labelled `<prefix>.<value>` (react-admin translates them). */
export const choicesOf = (values: readonly string[], prefix: string) => values.map((id) => ({ id, name: `${prefix}.${id}` }));
