import { useEffect, useState } from 'react';

/** The zoom in percent; typing a value and pressing Enter zooms there about the stage centre. */
export function ZoomInput({ scale, onScale }: { scale: number; onScale(scale: number): void }) {
  const [text, setText] = useState(String(Math.round(scale * 100)));
  useEffect(() => setText(String(Math.round(scale * 1000) / 10)), [scale]);
  return (
    <label className="zoom-input">
      Zoom
      <input
        aria-label="Zoom percent"
        value={text}
        inputMode="decimal"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            const value = Number(text.replace('%', ''));
            if (Number.isFinite(value) && value > 0) onScale(value / 100);
            (e.target as HTMLInputElement).blur();
          } else if (e.key === 'Escape') (e.target as HTMLInputElement).blur();
        }}
      />
      %
    </label>
  );
}
