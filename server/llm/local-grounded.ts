import type { SectionId } from '../../shared/sections.ts';
import type { SectionData } from '../sections/types.ts';
import type { SectionEngine, SectionWriteInput, SectionWriteOutput } from './engine.ts';
import { writeConsumption } from './local/consumption.ts';
import { writeExecutive } from './local/executive.ts';
import { writeOrganization } from './local/organization.ts';
import { writePipeline } from './local/pipeline.ts';
import { writeRecommendations } from './local/recommendations.ts';
import { writeSupport } from './local/support.ts';

const WRITERS: Record<SectionId, (data: SectionData) => string> = {
  executive: writeExecutive,
  organization: writeOrganization,
  consumption: writeConsumption,
  pipeline: writePipeline,
  support: writeSupport,
  recommendations: writeRecommendations,
};

/** The model name stored with sections written offline. */
export const LOCAL_GROUNDED_MODEL = 'local-grounded-writer-1';

/**
 * The offline, deterministic default engine: composes each section from its retrieved facts only
 * (the rendered prompt is not needed), citing every line and copying every figure from the data.
 * Same data in, same markdown out; no network, no model.
 */
export function createLocalGroundedEngine(): SectionEngine {
  return {
    name: 'local-grounded',
    async write(input: SectionWriteInput): Promise<SectionWriteOutput> {
      input.signal?.throwIfAborted();
      return { markdown: WRITERS[input.sectionId](input.data), model: LOCAL_GROUNDED_MODEL };
    },
  };
}
