import { useState } from 'react';
import { FormDialog } from './FormDialog';
import { PathField } from './PathField';

interface Props {
  onAdd(request: { path: string; name?: string; variant?: string }): Promise<void>;
  onCancel(): void;
}

/** Asks for an ONNX file and, optionally, the name and variant label to show; a refused file says why here. */
export function AddModelDialog({ onAdd, onCancel }: Props) {
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const [variant, setVariant] = useState('');
  return (
    <FormDialog
      label="Add model"
      title="Add an ONNX detector"
      submitLabel="Add"
      busyLabel="Opening…"
      ready={path.trim() !== ''}
      onSubmit={() => onAdd({ path: path.trim(), name: name.trim() || undefined, variant: variant.trim() || undefined })}
      onCancel={onCancel}
    >
      <PathField
        id="model-path"
        label="Model file"
        purpose="model-file"
        autoFocus
        value={path}
        onChange={setPath}
        placeholder="/home/me/models/detector.onnx"
      />
      <label htmlFor="model-name">Name (optional)</label>
      <input id="model-name" value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="model-variant">Variant label (optional)</label>
      <input id="model-variant" value={variant} onChange={(e) => setVariant(e.target.value)} />
    </FormDialog>
  );
}
