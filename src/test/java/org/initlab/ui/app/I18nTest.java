package org.initlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.I18n;
import org.initlab.ui.training.LabViewModel;
import org.initlab.ui.training.Presets;
import org.junit.jupiter.api.Test;

class I18nTest {
    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nTest.class.getResourceAsStream("/" + name)) {
            assertTrue(in != null, name + " is missing");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndChineseHaveTheSameKeysAndNoEmptyValues() throws IOException {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String name : I18n.BUNDLES) {
            String path = name.replace('.', '/');
            Properties en = bundle(path + ".properties"), zh = bundle(path + "_zh_CN.properties");
            sameKeysAndPlaceholders(name, en, zh);
            for (String k : en.stringPropertyNames()) assertTrue(seen.add(k), k + " is defined in two bundles");
        }
        assertTrue(seen.size() > 150, "keys " + seen.size());
    }

    private static void sameKeysAndPlaceholders(String name, Properties en, Properties zh) {
        assertEquals(en.stringPropertyNames(), zh.stringPropertyNames(), name);
        for (String k : en.stringPropertyNames()) {
            assertFalse(en.getProperty(k).isBlank(), "en " + k);
            assertFalse(zh.getProperty(k).isBlank(), "zh " + k);
            // Same placeholders in both languages.
            for (int i = 0; i < 8; i++) {
                String ph = "{" + i + "}";
                assertEquals(en.getProperty(k).contains(ph), zh.getProperty(k).contains(ph), k + " " + ph);
            }
        }
    }

    @Test
    void switchingToChineseChangesLabelsAndMessages() {
        try {
            I18n.setLocale(I18n.CHINESE);
            LabViewModel vm = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
            assertEquals("学习率 η", vm.form().etaField().label());
            vm.form().etaField().textProperty().set("abc");
            assertTrue(
                    vm.form().validationMessageProperty().get().contains("学习率 η：“abc”不是数字"),
                    vm.form().validationMessageProperty().get());
            assertEquals("运行", I18n.t("button.run"));
            assertEquals("第 3 轮后", I18n.f("sat.afterEpoch", "3"));
            assertEquals("LeCun 正态（Nielsen 的新初始化）", vm.form().schemes().get(1).displayName());
            assertEquals("reference", Presets.byName("reference").id(), "presets are found by id in every language");
            assertEquals(I18n.t("preset.six"), Presets.byName("six").name());
        } finally {
            I18n.setLocale(Locale.ENGLISH);
        }
        LabViewModel english = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
        english.form().etaField().textProperty().set("abc");
        assertTrue(
                english.form().validationMessageProperty().get().contains("Learning rate η: 'abc' is not a number"),
                english.form().validationMessageProperty().get());
        assertEquals(
                "Last session's settings not restored: x",
                I18n.f("status.notRestored", "x"),
                "quotes in patterns come out single");
        assertEquals(
                "LeCun normal (Nielsen's new)", english.form().schemes().get(1).displayName());
    }
}
