import { type DeliveryOptions, type DeliveryRound, deliverDue } from './deliver.js';

export interface DeliveryLoop {
  /** Waits for the round in flight, then stops. */
  stop(): Promise<void>;
}

/**
 * Delivers in the background, as `obhut serve` does: a round every `intervalMs`, and at once
 * again after a round that delivered something (the next message of a subject may be waiting).
 * Messages written by another process are found by the next poll, so no wake-up is needed.
 */
export function scheduleDelivery(
  options: DeliveryOptions & {
    readonly intervalMs: number;
    readonly onRound?: (round: DeliveryRound) => void;
    readonly onError: (err: unknown) => void;
  },
): DeliveryLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      let again = false;
      try {
        const round = await deliverDue(options);
        if (round.delivered + round.failed > 0) options.onRound?.(round);
        again = round.delivered > 0;
      } catch (err) {
        options.onError(err);
      }
      if (!stopped) timer = setTimeout(tick, again ? 0 : options.intervalMs);
    })();
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
