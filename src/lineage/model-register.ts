/** One build a model was trained on, bound by its manifest digest. */
export interface ModelBuild {
  readonly buildId: string;
  readonly manifestSha256: string;
}

/** A model as registered: the builds it was trained on and where its `model` entry sits in the log. */
export interface RegisteredModel {
  readonly name: string;
  readonly version: string;
  /** In ascending order of build id. */
  readonly builds: readonly ModelBuild[];
  readonly cardSha256: string | undefined;
  readonly registeredAt: string;
  readonly logIndex: number;
}

/** The models registered so far; written after their `model` entry is in the log. */
export interface ModelRegister {
  /** Stores a model; false when that name and version is already registered (nothing changes). */
  recordModel(model: RegisteredModel): Promise<boolean>;
  /** One model, or undefined. */
  registeredModel(name: string, version: string): Promise<RegisteredModel | undefined>;
  /** Every model, in order of registration. */
  listModels(): Promise<RegisteredModel[]>;
}
