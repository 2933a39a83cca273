package org.initlab.testutil;

import java.util.SplittableRandom;

/** Random small edits of a text (deletions, insertions, replacements from a JSON-ish alphabet), for fuzzing readers. */
public final class TextMutator {
    private static final String ALPHABET = "{}[]\":,0123456789-.eE truefalsnul\\\n";

    private TextMutator() {}

    public static String mutate(String valid, SplittableRandom rng, int maxEdits) {
        StringBuilder sb = new StringBuilder(valid);
        for (int k = 1 + rng.nextInt(maxEdits); k > 0 && sb.length() > 0; k--) {
            int at = rng.nextInt(sb.length());
            switch (rng.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, ALPHABET.charAt(rng.nextInt(ALPHABET.length())));
                default -> sb.setCharAt(at, ALPHABET.charAt(rng.nextInt(ALPHABET.length())));
            }
        }
        return sb.toString();
    }
}
