package org.initlab.settings;

/** A setting's text read: its value, or the {@link Problem} that refused it. */
public record Parsed<T>(T value, Problem problem) {
    static <T> Parsed<T> ok(T value) {
        return new Parsed<>(value, null);
    }

    static <T> Parsed<T> refused(Problem p) {
        return new Parsed<>(null, p);
    }

    public boolean ok() {
        return problem == null;
    }

    /** The value; an {@link IllegalArgumentException} with the named message when refused. */
    public T orThrow() {
        if (problem != null) throw new IllegalArgumentException(problem.named());
        return value;
    }
}
