/** A minimal typed event: subscribe returns the function that unsubscribes. */
export class Signal<Payload> {
  private readonly listeners = new Set<(payload: Payload) => void>();

  subscribe(listener: (payload: Payload) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(payload: Payload): void {
    // Copy first: a listener may unsubscribe itself while being called.
    for (const listener of [...this.listeners]) listener(payload);
  }
}
