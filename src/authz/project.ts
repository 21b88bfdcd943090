import { type MongoAbility, subject } from '@casl/ability';
import { permittedFieldsOf } from '@casl/ability/extra';
import { ObhutError } from '../errors/index.js';
import type { ActionOn, AppAbility, SubjectObject, SubjectType } from './policy.js';

/** Tags a copy of `object` with its type, for `ability.can`; the caller's object is untouched. */
export function asSubject<S extends SubjectType>(subjectType: S, object: object): SubjectObject<S> {
  return subject(subjectType, { ...object }) as SubjectObject<S>;
}

/** May `ability` do `action` to this particular object (conditions included)? */
export function can<S extends SubjectType>(
  ability: AppAbility,
  action: ActionOn<S>,
  subjectType: S,
  object: object,
): boolean {
  return loose(ability).can(action, asSubject(subjectType, object));
}

/** Throws FORBIDDEN unless `ability` may do `action` to this object. */
export function authorize<S extends SubjectType>(
  ability: AppAbility,
  action: ActionOn<S>,
  subjectType: S,
  object: object,
): void {
  if (!can(ability, action, subjectType, object)) {
    throw new ObhutError('FORBIDDEN', `not allowed to ${action} this ${subjectType.toLowerCase()}`);
  }
}

/**
 * The fields of `object` that `ability` may receive for `action`; nothing when the action is not
 * allowed on it. Fails closed: a rule that names no fields grants none here.
 */
export function project<S extends SubjectType, T extends object>(
  ability: AppAbility,
  action: ActionOn<S>,
  subjectType: S,
  object: T,
): Partial<T> {
  const target = asSubject(subjectType, object);
  const any = loose(ability);
  if (!any.can(action, target)) return {};
  const allowed = new Set(
    permittedFieldsOf(any, action, target, { fieldsFrom: (rule) => rule.fields ?? [] }),
  );
  const out: Partial<T> = {};
  for (const key of Object.keys(object) as (keyof T & string)[]) {
    if (allowed.has(key)) out[key] = object[key];
  }
  return out;
}

// The generic S keeps callers to the actions of their subject type; inside, the union is too
// wide for CASL's tuple types, so the ability is used untyped.
function loose(ability: AppAbility): MongoAbility {
  return ability as unknown as MongoAbility;
}
