import { describe, expect, it } from 'vitest';
import { MAX_PIXELS, planImage } from '../../src/print/image-plan.ts';

// Boxes in CSS px (96 per inch): 170 mm ≈ 642.5 px.
const mm = (n: number) => (n / 25.4) * 96;

describe('planImage', () => {
  it('prepares a large image at 300 ppi for its box', () => {
    const plan = planImage({ width: mm(170), height: mm(100) }, { width: 6000, height: 3530 });
    expect(plan.width).toBe(Math.ceil((170 / 25.4) * 300));
    expect(plan.ppi).toBe(Math.round(6000 / (170 / 25.4)));
    expect(plan.mm).toEqual({ width: 170, height: 100 });
  });

  it('never enlarges, and gives the resolution a small image really has', () => {
    const plan = planImage({ width: mm(170), height: mm(100) }, { width: 800, height: 470 });
    expect(plan.width).toBe(800);
    expect(plan.ppi).toBe(Math.round(Math.min(800 / (170 / 25.4), 470 / (100 / 25.4))));
  });

  it('judges an image cropped to fill its box by its more stretched side', () => {
    // A landscape picture filling a portrait page: its height sets the resolution.
    const plan = planImage({ width: mm(210), height: mm(297) }, { width: 3000, height: 2000 });
    expect(plan.ppi).toBe(Math.round(2000 / (297 / 25.4)));
    expect(plan.width).toBe(3000);
  });

  it('caps the long side, also of a tall image', () => {
    expect(planImage({ width: mm(1000), height: mm(500) }, { width: 20000, height: 10000 }).width).toBe(MAX_PIXELS);
    expect(planImage({ width: mm(1000), height: mm(2000) }, { width: 10000, height: 20000 }).width).toBe(
      MAX_PIXELS / 2,
    );
  });
});
