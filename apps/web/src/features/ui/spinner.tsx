/** A small spinner; with a `label` a screen reader hears it, without one it is decoration. */
export function Spinner({ label, size = 20 }: { label?: string; size?: number }) {
  const style = { width: size, height: size };
  if (!label) return <span className="spinner" style={style} aria-hidden="true" />;
  return <span className="spinner" style={style} role="img" aria-label={label} />;
}

/** A whole-page loading state (checking the session, say). */
export function FullPageSpinner({ label }: { label: string }) {
  return (
    <div className="full-page-center">
      <Spinner label={label} size={28} />
    </div>
  );
}
