import { useCallback, useEffect, useState } from 'react';
import type { Annotation, AppInfo, ImageEntry, ProjectSummary } from '../../../core/ipc/types';
import { api } from '../api/client';

export interface ProjectState {
  info: AppInfo | null;
  project: ProjectSummary | null;
  images: ImageEntry[];
  selectedId: number | null;
  annotations: Annotation[];
  error: string | null;
  busy: boolean;
}

/** The open project, its image list and the selected image's ground truth, loaded through the contract. */
export function useProject() {
  const [state, setState] = useState<ProjectState>({
    info: null,
    project: null,
    images: [],
    selectedId: null,
    annotations: [],
    error: null,
    busy: true,
  });

  const fail = useCallback((err: unknown) => {
    setState((s) => ({ ...s, busy: false, error: err instanceof Error ? err.message : String(err) }));
  }, []);

  const load = useCallback(async (project: ProjectSummary | null) => {
    const images = project ? await api['images.list']({}) : [];
    const first = images.find((i) => !i.error) ?? images[0];
    setState((s) => ({ ...s, project, images, selectedId: first?.id ?? null, annotations: [], busy: false, error: null }));
  }, []);

  useEffect(() => {
    Promise.all([api['app.info']({}), api['project.current']({})])
      .then(async ([info, project]) => {
        setState((s) => ({ ...s, info }));
        await load(project);
      })
      .catch(fail);
  }, [load, fail]);

  useEffect(() => {
    const image = state.images.find((i) => i.id === state.selectedId);
    if (!image || image.error) return;
    let live = true;
    api['annotations.list']({ imageId: image.id })
      .then((annotations) => live && setState((s) => ({ ...s, annotations })))
      .catch(fail);
    return () => {
      live = false;
    };
  }, [state.selectedId, state.images, fail]);

  const openFolder = useCallback(
    async (folder: string) => {
      setState((s) => ({ ...s, busy: true, error: null }));
      try {
        await load(await api['project.openFolder']({ folder }));
      } catch (err) {
        fail(err);
        throw err;
      }
    },
    [load, fail],
  );

  const select = useCallback((id: number) => setState((s) => ({ ...s, selectedId: id, annotations: [] })), []);
  const dismissError = useCallback(() => setState((s) => ({ ...s, error: null })), []);

  return { state, openFolder, select, dismissError };
}
