// Small words inside written names ("Jan van Aken", "Ana de Souza", "Omar bin Said"), the ones
// every rule that reads written names takes; each rule adds the few its own texts need.

/** Lower-case particles that every written-name rule reads as part of a name. */
export const NAME_PARTICLES: readonly string[] =
  'von van der den de del di da du la le zu ter ten al bin'.split(' ');
