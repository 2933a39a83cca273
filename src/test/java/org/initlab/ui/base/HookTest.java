package org.initlab.ui.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The hooks' names and INITLAB_LANG's values. */
class HookTest {
    @Test
    void eachHookIsItsInitlabVariable() {
        assertEquals("INITLAB_LANG", Hook.LANG.variable());
        assertEquals("INITLAB_AUDIT", Hook.AUDIT.variable());
        assertEquals("INITLAB_PULSES", Hook.PULSES.variable());
    }

    @Test
    void theLanguageIsEnglishOrSimplifiedChineseAndNothingElse() {
        assertEquals(Optional.of(Locale.ENGLISH), Hook.parseLanguage("en"));
        assertEquals(Optional.of(I18n.CHINESE), Hook.parseLanguage("zh_CN"));
        assertEquals(Optional.of(I18n.CHINESE), Hook.parseLanguage(" zh-CN "));
        assertEquals(Optional.empty(), Hook.parseLanguage("fr"));
        assertEquals(Optional.empty(), Hook.parseLanguage("zh_TW"));
    }
}
