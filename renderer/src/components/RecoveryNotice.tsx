import { useEffect, useState } from 'react';
import type { RecoveryInfo } from '../../../core/ipc/types';
import { api } from '../api/client';

interface Props {
  /** Changes whenever an open may have failed, so the notice asks again. */
  refresh: unknown;
  onRestored(folder: string): Promise<void>;
}

/** Shown when a project database failed its integrity check: says so, and offers the newest snapshot. */
export function RecoveryNotice({ refresh, onRestored }: Props) {
  const [recovery, setRecovery] = useState<RecoveryInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api['project.recovery']({}).then(setRecovery, () => setRecovery(null));
  }, [refresh]);

  if (!recovery) return null;
  const newest = recovery.snapshots[0];

  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      const summary = await api['project.restore']({ folder: recovery.folder, snapshot: newest.name });
      setRecovery(null);
      await onRestored(summary.folder);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="banner recovery" role="alert" data-testid="recovery-notice">
      <span>
        {recovery.problem}
        {newest ? ` The newest snapshot is from ${new Date(newest.takenAt).toLocaleString()}.` : ' There is no snapshot to restore.'}
        {error && ` ${error}`}
      </span>
      {newest && (
        <button type="button" onClick={restore} disabled={busy}>
          Restore snapshot
        </button>
      )}
    </div>
  );
}
