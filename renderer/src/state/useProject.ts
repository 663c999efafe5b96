import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, ImageEntry, ProjectSummary } from '../../../core/ipc/types';
import { api } from '../api/client';

export interface ProjectState {
  info: AppInfo | null;
  project: ProjectSummary | null;
  images: ImageEntry[];
  selectedId: number | null;
  error: string | null;
  busy: boolean;
}

/** The open project and its image list, loaded through the contract. */
export function useProject() {
  const [state, setState] = useState<ProjectState>({ info: null, project: null, images: [], selectedId: null, error: null, busy: true });

  const fail = useCallback((err: unknown) => {
    setState((s) => ({ ...s, busy: false, error: err instanceof Error ? err.message : String(err) }));
  }, []);

  const load = useCallback(async (project: ProjectSummary | null) => {
    const images = project ? await api['images.list']({}) : [];
    const first = images.find((i) => !i.error) ?? images[0];
    setState((s) => ({ ...s, project, images, selectedId: first?.id ?? null, busy: false, error: null }));
  }, []);

  useEffect(() => {
    Promise.all([api['app.info']({}), api['project.current']({})])
      .then(async ([info, project]) => {
        setState((s) => ({ ...s, info }));
        await load(project);
      })
      .catch(fail);
  }, [load, fail]);

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

  /** Lists the images again after the project changed underneath (an import), keeping the selected one. */
  const reload = useCallback(async () => {
    const [project, images] = await Promise.all([api['project.current']({}), api['images.list']({})]);
    setState((s) => ({
      ...s,
      project,
      images,
      selectedId: images.some((i) => i.id === s.selectedId) ? s.selectedId : ((images.find((i) => !i.error) ?? images[0])?.id ?? null),
    }));
  }, []);

  const select = useCallback((id: number) => setState((s) => ({ ...s, selectedId: id })), []);
  const dismissError = useCallback(() => setState((s) => ({ ...s, error: null })), []);
  /** Keeps the list's box count in step with edits of the selected image. */
  const setAnnotationCount = useCallback((id: number, count: number) => {
    setState((s) =>
      s.images.some((i) => i.id === id && i.annotationCount !== count)
        ? { ...s, images: s.images.map((i) => (i.id === id ? { ...i, annotationCount: count } : i)) }
        : s,
    );
  }, []);

  return { state, openFolder, reload, select, dismissError, setAnnotationCount };
}
