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

/** Inputs that take no typed text: a key pressed on one of them is a shortcut, except the keys it uses itself. */
const CONTROL_KEYS: Record<string, string[]> = {
  radio: ['arrowleft', 'arrowright', 'arrowup', 'arrowdown', ' '],
  checkbox: [' '],
  range: ['arrowleft', 'arrowright', 'arrowup', 'arrowdown', 'home', 'end', 'pageup', 'pagedown'],
  button: [' ', 'enter'],
  submit: [' ', 'enter'],
  reset: [' ', 'enter'],
  color: [' ', 'enter'],
  file: [' ', 'enter'],
};

/**
 * Whether a key event belongs to the element it was pressed on rather than to the editor's shortcuts: every
 * key typed into a text field, a list or editable text, and the keys a radio, checkbox or slider works with
 * (arrows, space). A letter pressed on a clicked radio button is still a shortcut.
 */
export function keyBelongsToTarget(event: Pick<KeyboardEvent, 'key' | 'target'>): boolean {
  const target = event.target;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  const own = CONTROL_KEYS[target.type];
  return own ? own.includes(event.key.toLowerCase()) : true;
}
