export { buildsIncluding } from './builds-including.js';
export { type DecisionImpactStore, modelImpactsOf } from './decision-impact.js';
export { type BuildImpact, buildImpact, type ImpactedSubject, type ImpactStore } from './impact.js';
export { type ModelImpactEvent, modelImpact, type NewDecision } from './model-impact.js';
export { formatModelRef, type ModelRef, parseModelRef } from './model-ref.js';
export type { ModelBuild, ModelRegister, RegisteredModel } from './model-register.js';
export {
  type ModelHoldingPerson,
  type ModelsHoldingStore,
  modelsHoldingPerson,
} from './models-holding.js';
export {
  type BuildRun,
  type LineageDataset,
  type LineageRunEvent,
  OPENLINEAGE_SCHEMA,
  openLineageRunEvents,
} from './openlineage.js';
export { type ModelRegistration, registerModel } from './register-model.js';
export { SortedSubjects } from './sorted-subjects.js';
