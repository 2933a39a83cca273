package org.initlab.lessons;

import java.util.Locale;

/** A lesson's words in both of the window's languages. */
public record Text(String en, String zh) {
    public static final Text EMPTY = new Text("", "");

    /** The text in {@code locale}'s language: Chinese for any Chinese locale, English otherwise. */
    public String in(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? zh : en;
    }

    public boolean isEmpty() {
        return en.isEmpty() && zh.isEmpty();
    }
}
