// A list the server gives a page at a time (`limit`, `cursor` in; `next_cursor` out): the first
// page on load and whenever the filters change, and further pages appended by "Show more".
import { useCallback, useEffect, useState } from 'react';

export interface PageResult<T> {
  readonly rows: T[];
  readonly next: string | null;
}

/**
 * `fetchPage` must change only when the filters do (useCallback over them): a new one reloads
 * the list from its first page.
 */
export function usePagedList<T>(fetchPage: (cursor?: string) => Promise<PageResult<T>>) {
  const [rows, setRows] = useState<T[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(() => {
    setError(null);
    fetchPage().then((page) => {
      setRows(page.rows);
      setNext(page.next);
    }, setError);
  }, [fetchPage]);
  useEffect(reload, [reload]);

  const more = useCallback(() => {
    if (next === null) return;
    fetchPage(next).then((page) => {
      setRows((list) => [...(list ?? []), ...page.rows]);
      setNext(page.next);
    }, setError);
  }, [fetchPage, next]);

  return { rows, setRows, next, more, reload, error, setError };
}
