package org.initlab.ui.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Locale;
import org.initlab.settings.LabSettings;
import org.initlab.ui.base.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Sweep tab shows the sweep plan's refusals in the window's language, its fields named by their labels. */
class SweepGridMessagesTest {
    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void aValueListedTwiceAndASchemeWithoutRandomWeightsAreRefusedInChinese() {
        I18n.setLocale(I18n.CHINESE);
        SweepGridModel grid = new SweepGridModel(LabSettings::defaults);
        grid.valuesProperty().set("1, 2, 1");
        assertNull(grid.check());
        assertEquals("取值：'1' 列出了两次", grid.problemProperty().get());
        grid.paramProperty().set("sigma-w2");
        grid.valuesProperty().set("1");
        grid.schemesProperty().set("zeros");
        assertNull(grid.check());
        assertEquals(
                "方案 zeros 不抽取随机权重，权重方差 σ_w² 无法设定它们的方差", grid.problemProperty().get());
    }

    @Test
    void theSweptParametersInARefusalAreNamedByTheirLabelsInChinese() {
        I18n.setLocale(I18n.CHINESE);
        SweepGridModel grid = new SweepGridModel(LabSettings::defaults);
        grid.paramProperty().set("weight-scale");
        grid.valuesProperty().set("1");
        grid.param2Property().set("sigma-w2");
        grid.values2Property().set("1");
        assertNull(grid.check());
        assertEquals(
                "权重缩放（× σ） 与 权重方差 σ_w² 都设定权重的尺度；只扫描其中一个", grid.problemProperty().get());
        grid.param2Property().set("weight-scale");
        assertNull(grid.check());
        assertEquals("第二个参数 权重缩放（× σ） 与第一个参数相同", grid.problemProperty().get());
        grid.param2Property().set("");
        grid.paramProperty().set("depth");
        grid.valuesProperty().set(" ");
        assertNull(grid.check());
        assertEquals("取值：请至少给出 深度（层数） 的一个值", grid.problemProperty().get());
    }
}
