import { useCallback, useState } from 'react';
import { ApiError } from '../api/client';

/**
 * The second press an export needs before it replaces files Pedlab did not write: the first attempt is refused
 * with `export-exists` and its message kept to show; the next attempt is sent with `overwrite`. Changing the
 * destination forgets the confirmation.
 */
export function useReplaceConfirmation() {
  /** What would be replaced, as the refusal said; null until an export is refused. */
  const [replacing, setReplacing] = useState<string | null>(null);
  const reset = useCallback(() => setReplacing(null), []);
  const attempt = useCallback(
    async <T>(write: (overwrite: boolean) => Promise<T>): Promise<T | null> => {
      try {
        const written = await write(replacing !== null);
        setReplacing(null);
        return written;
      } catch (err) {
        if (!(err instanceof ApiError) || err.code !== 'export-exists') throw err;
        setReplacing(err.message);
        return null;
      }
    },
    [replacing],
  );
  return { replacing, reset, attempt, submitLabel: replacing ? 'Replace and export' : 'Export' };
}
