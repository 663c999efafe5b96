import { describe, expect, it } from 'vitest';
import { BOX_PROMPT, bestPromptMatch, boxInCrop, mirrorBox, promptCrop } from '../../../../core/detect/boxPrompt.js';

const corners = (x: number, y: number, w: number, h: number) => [x, y, x + w, y + h];

describe('promptCrop', () => {
  it('grows the box by the margin each side, out to whole pixels, and resizes the longer side', () => {
    const crop = promptCrop([100, 100, 40, 40], 1000, 800, { margin: 0.25, maxAspect: 1, longSide: 300 })!;
    expect(crop.region).toEqual([90, 90, 60, 60]);
    expect(crop.input).toEqual({ width: 300, height: 300 });
  });

  it("widens a tall person's crop about the box's centre up to the aspect allowed", () => {
    const square = promptCrop([200, 100, 40, 100], 1000, 800, { margin: 0.25, maxAspect: 1, longSide: 512 })!;
    expect(square.region).toEqual([145, 75, 150, 150]);
    const loose = promptCrop([200, 100, 40, 100], 1000, 800, { margin: 0.25, maxAspect: 2.5, longSide: 512 })!;
    expect(loose.region).toEqual([190, 75, 60, 150]);
    expect(loose.input).toEqual({ width: 205, height: 512 });
  });

  it('moves the crop inside the image where it fits, and cuts it where it does not', () => {
    expect(promptCrop([0, 10, 20, 40], 300, 200, { margin: 0.25, maxAspect: 1, longSide: 60 })!.region).toEqual([0, 0, 60, 60]);
    expect(promptCrop([5, 5, 30, 90], 40, 100, { margin: 0.25, maxAspect: 1, longSide: 100 })!.region).toEqual([0, 0, 40, 100]);
  });

  it('enlarges a small person, and feeds the size a graph fixes', () => {
    const small = promptCrop([50, 50, 10, 20], 640, 480)!;
    expect(Math.max(small.input.width, small.input.height)).toBe(BOX_PROMPT.longSide);
    expect(promptCrop([50, 50, 10, 20], 640, 480, BOX_PROMPT, { width: 320, height: 320 })!.input).toEqual({ width: 320, height: 320 });
  });

  it('has no crop for a box off the image or without area', () => {
    expect(promptCrop([700, 10, 20, 20], 640, 480)).toBeNull();
    expect(promptCrop([-30, 10, 20, 20], 640, 480)).toBeNull();
    expect(promptCrop([10, 10, 0, 20], 640, 480)).toBeNull();
  });

  it("maps image boxes into the crop's input pixels", () => {
    const crop = { region: [90, 90, 60, 60] as [number, number, number, number], input: { width: 300, height: 300 } };
    expect(boxInCrop([100, 100, 40, 40], crop)).toEqual([50, 50, 200, 200]);
  });
});

describe('mirrorBox', () => {
  it('mirrors a box left to right in an input of the given width, and back', () => {
    expect(mirrorBox([10, 5, 30, 40], 100)).toEqual([60, 5, 30, 40]);
    expect(mirrorBox(mirrorBox([10, 5, 30, 40], 100), 100)).toEqual([10, 5, 30, 40]);
  });
});

describe('bestPromptMatch', () => {
  const prompt: [number, number, number, number] = [100, 100, 50, 100];

  it('takes the detection that overlaps the box most, whatever its score', () => {
    const match = bestPromptMatch([{ corners: corners(130, 100, 50, 100), score: 0.99 }, { corners: corners(102, 98, 50, 104), score: 0.2 }, null], prompt);
    expect(match).toMatchObject({ index: 1 });
  });

  it('breaks a tie by score, and ignores detections under the floor', () => {
    const same = corners(100, 100, 50, 100);
    expect(
      bestPromptMatch(
        [
          { corners: same, score: 0.3 },
          { corners: same, score: 0.6 },
        ],
        prompt,
      ),
    ).toEqual({ index: 1, iou: 1 });
    expect(bestPromptMatch([{ corners: same, score: 0.001 }], prompt)).toEqual({ index: null, bestIou: 0 });
  });

  it('matches nothing below the minimum IoU, and says how close the best came', () => {
    const match = bestPromptMatch([{ corners: corners(140, 100, 50, 100), score: 0.9 }], prompt);
    expect(match.index).toBeNull();
    expect((match as { bestIou: number }).bestIou).toBeCloseTo(10 / 90);
    expect(bestPromptMatch([], prompt)).toEqual({ index: null, bestIou: 0 });
  });
});
