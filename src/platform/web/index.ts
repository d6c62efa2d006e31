// The web kit: the building blocks of every page and site route. Import from here.
export { Page, type PageProps, type Crumb } from './page.tsx';
export { ElectionMoneyFrame, type ElectionMoneyFrameProps } from './election-money-frame.tsx';
export { Layout, renderPage, siteCssPath } from './layout.tsx';
export { ErrorSummary, type ErrorSummaryProps } from './error-summary.tsx';
export { Notice, type NoticeProps } from './notice.tsx';
export { formErrors, errorsOf, fieldId, fieldOfPath, type FieldError, type FormErrorOptions } from './form-errors.ts';
export {
  Field,
  Input,
  DateInput,
  Select,
  TextArea,
  FileInput,
  formField,
  type FieldProps,
  type InputProps,
  type SelectOption,
  type ControlAttrs,
} from './fields.tsx';
export { CsrfField, CSRF_FIELD, CSRF_HEADER } from './csrf.tsx';
export { DataTable, type Column, type DataTableProps } from './data-table.tsx';
export { SortHeader, type SortOrder, type SortState } from './sort-header.tsx';
export { Pager, type PagerProps } from './pager.tsx';
export { FilterForm, Filter, type FilterFormProps } from './filter-form.tsx';
export { SearchForm, type SearchFormProps } from './search-form.tsx';
export { Money, Day, When, pick, ageOn, candidateName, Logo, RulesSummary, WomenShare } from './format.tsx';
export { som, num, percent, compact, day, shortDay, moment, TIME_ZONE } from './numbers.ts';
export {
  parseLocale,
  sendHtml,
  sendPrivateHtml,
  sendRevalidatedHtml,
  sendDownload,
  seeOther,
  PUBLIC_CACHE,
  PUBLIC_REVALIDATE,
} from './http.ts';
export { notFound, badRequest } from './errors.tsx';
export { parseForm, parseParams, formValues, zodProblems, normaliseFields, pathText } from './form.ts';
export {
  publicGet,
  defineRoutes,
  route,
  type RouteDef,
  type RouteSpec,
  type RouteAccess,
  type RouteAuth,
  type RouteInput,
  type ResourceResolver,
  type DefineRoutesOptions,
} from './routes.ts';
export {
  readMultipart,
  readWhole,
  csrfCheck,
  FILE_TOO_LARGE,
  type CsrfCheck,
  type MultipartForm,
  type MultipartOptions,
} from './multipart.ts';
export {
  ConfirmPage,
  isConfirmed,
  fieldsToRepost,
  CONFIRM_FIELD,
  CONFIRM_VALUE,
  type ConfirmPageProps,
} from './confirm-page.tsx';
