// Fastify's own schema compilers (Ajv for requests, fast-json-stringify for responses), each
// route's validator and serializer compiled when a request first needs it instead of all of them
// at `ready` (issue 13). Compiling all routes' schemas was ~40 % of an `obhut serve` start
// (a CPU profile: fast-json-stringify 22 %, Ajv 18 %), and every in-process test server paid it
// again; a server answers only a few of its routes in most runs. The compilers are the ones
// Fastify uses by default, loaded from Fastify's own dependencies, so the compiled functions are
// the same; only the time of compiling moves. A schema that does not compile therefore fails at
// its route's first request, not at start: test/server/lazy-schemas.test.ts compiles every
// route's schemas of a full server (`compileAll`), so such a schema fails the tests instead.
import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

/** What Fastify hands a compiler for one schema of one route (FastifyRouteSchemaDef). */
interface RouteSchema {
  readonly schema: unknown;
  readonly method: string;
  readonly url: string;
  readonly httpPart?: string;
  readonly httpStatus?: string;
}

type Validator = ((data: unknown, context?: unknown) => unknown) & {
  errors?: unknown;
  schemaEnv?: unknown;
};
type Serializer = (data: unknown) => string;
type BuildValidator = (external: unknown, options: unknown) => (route: RouteSchema) => Validator;
type BuildSerializer = (external: unknown, options: unknown) => (route: RouteSchema) => Serializer;

export class LazySchemaError extends Error {
  override readonly name = 'LazySchemaError';
}

export interface LazySchemas {
  /** Fastify's `schemaController` option. */
  readonly schemaController: NonNullable<FastifyServerOptions['schemaController']>;
  /** Compiles every schema handed out so far and says how many (a bad schema throws). */
  compileAll(): number;
}

const byServer = new WeakMap<object, LazySchemas>();

/** Remembers which lazy compilers `app` uses, for compileAllSchemas. */
export function attachLazySchemas(app: object, schemas: LazySchemas): void {
  byServer.set(app, schemas);
}

/**
 * Compiles every schema of `app` (after `ready`, when all routes are registered) as Fastify
 * would at start without lazy compilers; throws what a schema that does not compile throws.
 */
export function compileAllSchemas(app: object): number {
  const schemas = byServer.get(app);
  if (!schemas) throw new LazySchemaError('this server was not built with lazy schema compilers');
  return schemas.compileAll();
}

/** Fastify's default compiler factories, resolved from Fastify's package as Fastify does. */
function fastifyDefaults(): { buildValidator: BuildValidator; buildSerializer: BuildSerializer } {
  const fromHere = createRequire(import.meta.url);
  const fromFastify = createRequire(fromHere.resolve('fastify'));
  const ajvCompiler = fromFastify('@fastify/ajv-compiler') as () => BuildValidator;
  const stringifyCompiler = fromFastify(
    '@fastify/fast-json-stringify-compiler',
  ) as () => BuildSerializer;
  return { buildValidator: ajvCompiler(), buildSerializer: stringifyCompiler() };
}

/** A new pair of lazy compilers for one Fastify instance. */
export function lazySchemas(): LazySchemas {
  const pending: Array<() => unknown> = [];
  let defaults: ReturnType<typeof fastifyDefaults> | undefined;
  const load = () => {
    defaults ??= fastifyDefaults();
    return defaults;
  };

  const buildValidator = (external: unknown, options: unknown) => {
    let compiler: ((route: RouteSchema) => Validator) | undefined;
    return (route: RouteSchema): Validator => {
      // A custom compiler keeps Fastify from lower-casing a request headers schema's names
      // (lib/validation.js), which the default compiler gets; none of our routes has one, and
      // one added later must name its headers in lower case, or it would never match.
      if (route.httpPart === 'headers') assertLowerCaseHeaders(route);
      let compiled: Validator | undefined;
      const get = () => {
        compiler ??= load().buildValidator(external, options);
        compiled ??= compiler(route);
        return compiled;
      };
      // Fastify reads `errors` after a failed check, and passes Ajv's parent data when the
      // function has `schemaEnv` (lib/validation.js); both are forwarded from the compiled one.
      const validate = ((data: unknown, context?: unknown) =>
        context === undefined ? get()(data) : get()(data, context)) as Validator;
      Object.defineProperty(validate, 'errors', { get: () => get().errors });
      Object.defineProperty(validate, 'schemaEnv', { get: () => get().schemaEnv });
      pending.push(get);
      return validate;
    };
  };

  const buildSerializer = (external: unknown, options: unknown) => {
    let compiler: ((route: RouteSchema) => Serializer) | undefined;
    return (route: RouteSchema): Serializer => {
      let compiled: Serializer | undefined;
      const get = () => {
        compiler ??= load().buildSerializer(external, options);
        compiled ??= compiler(route);
        return compiled;
      };
      pending.push(get);
      return (data: unknown) => get()(data);
    };
  };

  return {
    schemaController: {
      compilersFactory: {
        buildValidator,
        buildSerializer,
      } as unknown as NonNullable<
        NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
      >,
    },
    compileAll() {
      for (const get of pending) get();
      return pending.length;
    },
  };
}

function assertLowerCaseHeaders(route: RouteSchema): void {
  const properties = (route.schema as { properties?: Record<string, unknown> } | null)?.properties;
  const named = Object.keys(properties ?? {}).filter((name) => name !== name.toLowerCase());
  if (named.length > 0) {
    throw new LazySchemaError(
      `${route.method} ${route.url}: request header names must be lower case in the schema (${named.join(', ')})`,
    );
  }
}
