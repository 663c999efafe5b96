/** A key event as a chord string: modifiers in a fixed order, then the key, lower case ("mod+shift+z"). */
export function chordOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): string {
  const parts: string[] = [];
  if (event.ctrlKey || event.metaKey) parts.push('mod');
  if (event.altKey) parts.push('alt');
  const key = event.key === ' ' ? 'space' : event.key.toLowerCase();
  // Shift is part of the chord for letters and named keys; for symbols it is already in the key ("?" not "shift+/").
  if (event.shiftKey && (key.length > 1 || /[a-z]/.test(key))) parts.push('shift');
  parts.push(key);
  return parts.join('+');
}

/** How a chord is shown in the help overlay. */
export function describeChord(chord: string): string {
  const names: Record<string, string> = {
    mod: 'Ctrl',
    shift: 'Shift',
    alt: 'Alt',
    arrowleft: '←',
    arrowright: '→',
    arrowup: '↑',
    arrowdown: '↓',
    delete: 'Del',
    backspace: 'Backspace',
    escape: 'Esc',
    enter: 'Enter',
    space: 'Space',
  };
  return chord
    .split('+')
    .map((p) => names[p] ?? p.toUpperCase())
    .join('+');
}
