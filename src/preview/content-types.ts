import { contentType } from 'mime-types';

/** The Content-Type of a built portal's file from its extension; Pagefind's index files and anything unknown are bytes. */
export function contentTypeOf(file: string): string {
  return contentType(file.replace(/^.*[\\/]/, '')) || 'application/octet-stream';
}
