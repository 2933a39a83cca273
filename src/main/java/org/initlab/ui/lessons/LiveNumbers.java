package org.initlab.ui.lessons;

import java.util.List;
import java.util.OptionalDouble;
import org.initlab.lessons.Placeholders;
import org.initlab.ui.base.LessonNumbers;

/**
 * The numbers a lesson quotes, asked of the feature that declares each one (the window model lists the features:
 * {@code WindowModel.lessonNumbers()}). Their names together are what a lesson may name; a number not computed yet
 * is "…", one that does not exist for what is shown is "—".
 */
public final class LiveNumbers {
    public static final String PENDING = LessonNumbers.PENDING, NONE = LessonNumbers.NONE;
    private final List<LessonNumbers> features;
    private final Placeholders.Names names;

    /** A name two features declare is an {@link IllegalArgumentException}. */
    public LiveNumbers(List<LessonNumbers> features) {
        this.features = List.copyOf(features);
        this.names = Placeholders.Names.union(
                this.features.stream().map(LessonNumbers::names).toList());
    }

    /** Every number a lesson may name: the union of the features' declarations. */
    public Placeholders.Names names() {
        return names;
    }

    public List<LessonNumbers> features() {
        return features;
    }

    /** The placeholder's value as text. */
    public String text(Placeholders.Ref ref) {
        LessonNumbers f = owner(ref.name());
        return f == null ? NONE : f.text(ref.name(), ref.scheme());
    }

    /** The placeholder's value as a number, empty when it is not known (yet). */
    public OptionalDouble value(Placeholders.Ref ref) {
        LessonNumbers f = owner(ref.name());
        return f == null ? OptionalDouble.empty() : f.value(ref.name(), ref.scheme());
    }

    private LessonNumbers owner(String name) {
        for (LessonNumbers f : features) if (f.names().declares(name)) return f;
        return null;
    }
}
