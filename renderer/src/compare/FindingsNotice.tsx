/** What a findings panel shows instead of its findings: the worker's error, or what it is working out. */
export function FindingsNotice({ error, working }: { error: string | null; working: string }) {
  if (error)
    return (
      <div className="metrics-warning" role="alert">
        {error}
      </div>
    );
  return <div className="muted">{working}</div>;
}
