import { useEffect, useMemo, useState } from 'react';
import type { Annotation, ImageEntry, ModelEntry } from '../../../core/ipc/types';
import { casesPerImage, orderImages } from './imageOrder';
import { useFindings } from './useFindings';
import { useEvaluation } from './useEvaluation';

/** The compare mode's choices (models, thresholds, order) and the live evaluation behind them. */
export function useCompare(
  active: boolean,
  models: ModelEntry[],
  reloadKey: string,
  images: ImageEntry[],
  imageId: number | null,
  annotations: Annotation[],
) {
  const [pair, setPair] = useState<[number, number] | null>(null);
  const [iouThr, setIouThr] = useState(0.5);
  const [scoreThr, setScoreThr] = useState(0.5);
  const [sort, setSort] = useState('name');
  const [iouType, setIouType] = useState<'bbox' | 'segm'>('bbox');

  useEffect(() => {
    const ids = models.map((m) => m.id);
    if (pair && ids.includes(pair[0]) && ids.includes(pair[1])) return;
    if (ids.length >= 2) setPair([ids[0], ids[1]]);
    else if (ids.length === 1) setPair([ids[0], ids[0]]);
  }, [models, pair]);

  const modelIds = active && pair ? pair : [];
  const evaluation = useEvaluation(modelIds, reloadKey, imageId, annotations);
  const names: [string, string] = pair
    ? [models.find((m) => m.id === pair[0])?.name ?? '', models.find((m) => m.id === pair[1])?.name ?? '']
    : ['', ''];

  const segmAvailable = evaluation.evaluations.length > 0 && evaluation.evaluations.every((e) => e.segm);
  const type = segmAvailable ? iouType : 'bbox';
  const findings = useFindings({ data: active ? evaluation.data : null, pair: active ? pair : null, iouType: type, iouThr, scoreThr, imageId, annotations });
  const diffCounts = useMemo(() => (findings.findings ? casesPerImage(findings.findings.diff) : null), [findings.findings]);

  const summaries = useMemo(
    () => evaluation.evaluations.map((e) => e.bbox.imageSummaries()),
    // `version` marks in-place updates of the evaluators.
    [evaluation.evaluations, evaluation.version],
  );
  const ordered = useMemo(
    () => (active ? orderImages(images, sort, summaries[0] ?? [], summaries[1] ?? [], diffCounts) : images),
    [active, images, sort, summaries, diffCounts],
  );

  return { pair, setPair, iouThr, setIouThr, scoreThr, setScoreThr, sort, setSort, iouType: type, setIouType, segmAvailable, names, evaluation, findings, ordered };
}
