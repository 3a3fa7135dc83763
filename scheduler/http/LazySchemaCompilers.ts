import { AjvCompiler } from "@fastify/ajv-compiler";
import { SerializerSelector } from "@fastify/fast-json-stringify-compiler";

type ValidatorFactory = ReturnType<typeof AjvCompiler>;
type SerializerFactory = ReturnType<typeof SerializerSelector>;
type Validate = ReturnType<ReturnType<ValidatorFactory>>;

/**
 * fastify's own schema compilers (ajv for requests, fast-json-stringify for responses), each route's schema
 * compiled on the route's first request instead of all of them when the server starts: compiling them all took
 * about a second of the scheduler's start, during which agents could not register. Only request schemas of
 * bodies, query strings and parameters are used (a custom validator leaves header schemas' names as written).
 */
export function lazySchemaCompilers(): {
  buildValidator: ValidatorFactory;
  buildSerializer: SerializerFactory;
} {
  const validators = AjvCompiler();
  const serializers = SerializerSelector();
  const buildValidator = ((externalSchemas: unknown, options: unknown) => {
    const compile = (validators as (e: unknown, o: unknown) => (route: unknown) => Validate)(
      externalSchemas,
      options,
    );
    return (route: unknown) => {
      let validate: Validate | undefined;
      // fastify reads `errors` off the function it was given, as ajv sets it on the compiled one.
      const lazy = function (this: unknown, data: unknown) {
        validate ??= compile(route);
        const result = validate.call(this, data);
        lazy.errors = validate.errors;
        return result;
      } as Validate;
      return lazy;
    };
  }) as ValidatorFactory;
  const buildSerializer: SerializerFactory = (externalSchemas, options) => {
    const compile = serializers(externalSchemas, options);
    return (route) => {
      let serialize: ((doc: unknown) => string) | undefined;
      return (doc) => {
        serialize ??= compile(route);
        return serialize(doc);
      };
    };
  };
  return { buildValidator, buildSerializer };
}
