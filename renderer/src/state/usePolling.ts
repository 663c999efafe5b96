import { useEffect, useRef } from 'react';

/** How often a background job's status is asked for while it runs. */
export const POLL_MS = 400;

/** Calls `poll` every `ms` while `active` (a run or job going); the latest `poll` given is the one called. */
export function usePolling(active: boolean, poll: () => void, ms = POLL_MS): void {
  const latest = useRef(poll);
  latest.current = poll;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => latest.current(), ms);
    return () => clearInterval(timer);
  }, [active, ms]);
}
