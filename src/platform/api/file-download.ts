// Headers of a file download, for the API's downloads and the site's alike.

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266), since header values must be Latin-1. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\w.\-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
