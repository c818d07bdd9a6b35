package cn.yibao.hostlink.saf;

import java.util.List;

/**
 * Which of the host's addresses the link uses: it stays on the address that works, moves to the
 * next one (wrapping round) when it fails, and tells when a failure completes a full round of the
 * list (every address failed once since the last success), which is when the backoff grows. Back
 * to the preferred (first) address only when asked. Not thread-safe.
 */
final class Rotation {

    private final List<Endpoint> endpoints;
    private int current;
    private int roundStart;
    private boolean failing;

    Rotation(List<Endpoint> endpoints) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one host address required");
        }
        this.endpoints = List.copyOf(endpoints);
    }

    /** @return the address to use */
    Endpoint current() {
        return endpoints.get(current);
    }

    /** @return whether the address in use is the preferred one */
    boolean onPreferred() {
        return current == 0;
    }

    /** The address in use answered: the next failure starts a new round from it. */
    void succeeded() {
        failing = false;
    }

    /**
     * The address in use failed: moves to the next one.
     *
     * @return whether this failure completes a round of the list
     */
    boolean failed() {
        if (!failing) {
            failing = true;
            roundStart = current;
        }
        current = (current + 1) % endpoints.size();
        return current == roundStart;
    }

    /** Back to the preferred address, a new round starting there. */
    void toPreferred() {
        current = 0;
        failing = false;
    }
}
