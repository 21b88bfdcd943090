// How the development sets that draw their own people (dev-reach, dev-reach2) shape a name from
// a drawn given name and surname: one function, so both sets draw in the same order.

/** A source of uniform numbers in [0, 1), as the dev sets' seeded generators. */
type R = () => number;

/** {P} any shape, {F} full name, {S} surname, {G} given name: the slots of the frames. */
export type NameShape = 'P' | 'F' | 'S' | 'G';

/**
 * The name `shape` asks for; a `P` draws full name (60 %), given name or surname. Spoken names
 * are lower case, as a recogniser writes them.
 */
export function shapeName(
  r: R,
  first: string,
  sur: string,
  shape: NameShape,
  spoken: boolean,
): string {
  const name =
    shape === 'F'
      ? `${first} ${sur}`
      : shape === 'S'
        ? sur
        : shape === 'G'
          ? first
          : r() < 0.6
            ? `${first} ${sur}`
            : r() < 0.5
              ? first
              : sur;
  return spoken ? name.toLowerCase() : name;
}
