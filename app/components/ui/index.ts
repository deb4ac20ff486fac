/**
 * The UI kit: import every shared page piece from here (`import { PageHeader, DataTable } from "~/components/ui"`).
 * What each piece is for, and the reference page, are in docs/decisions/026-ui-kit.md.
 */
export { PageHeader, Toolbar, type BackLink } from "./page-header";
export { FilterBar, FilterSelect, FilterSearch, type FilterChip } from "./filter-bar";
export { DataTable, type Column, type RowSelection } from "./data-table";
export { KeysetPager, ResultSummary, type ExportLink } from "./pager";
export {
  Field,
  SelectField,
  TextareaField,
  CheckboxField,
  DateTimeField,
  CountryField,
  TimeZoneField,
  FieldError,
  FormError,
  FormErrorSummary,
  zoneCity,
  zoneOffset,
  type ConformMeta,
  type CountryChoice,
  type ErrorItem,
  type FieldBaseProps,
  type Option,
} from "./fields";
export { StatusBadge, toneMap, type Tone } from "./status-badge";
export { ConfirmDialog } from "./confirm-dialog";
export { Tabs, type Tab } from "./tabs";
export { TableMore } from "./table-more";
export { Card, EmptyState } from "./card";
export { BarChart, LineChart, csvOf, wrapLabel, type ChartProps, type ChartSeries } from "./chart";
export { useFormatNumber } from "./number";
export { withParams } from "./url";
export { ZONES_BY_COUNTRY } from "./time-zones";
export { FormActions, LinkButton } from "./form-actions";
export { Facts, type Fact } from "./facts";
export { IntentButton } from "./intent-button";
export { SearchPicker, type PickerItem, type PickerPage } from "./search-picker";
