import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { EditorStore } from '../editor/editorStore';
import { setCategory } from '../editor/operations';

/** Adds a class to the project and makes it the label of the selection, or of new boxes when nothing is selected. */
export function NewLabel({ store }: { store: EditorStore }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const category = await api['categories.create']({ name });
      store.setCategories(await api['categories.list']({}));
      await setCategory(store, category.id);
      setName('');
      setOpen(false);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} title="Add a label to the project">
        + Label
      </button>
    );
  }
  return (
    <form className="tool-group" onSubmit={submit}>
      <input
        aria-label="New label name"
        autoFocus
        value={name}
        placeholder="cyclist"
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      />
      <button type="submit" disabled={name.trim() === ''}>
        Add
      </button>
      {error && <span className="save-error">{error}</span>}
    </form>
  );
}
