package org.initlab.ui.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.initlab.settings.LabSettings;
import org.initlab.sweep.SweepPlan;
import org.initlab.sweep.SweepResult;
import org.initlab.ui.base.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The curve's and the map's axes are named by the swept parameters' labels, not by their command-line ids. */
class SweepAxisTitlesTest {
    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    private static SweepPlan plan(String param, String values, String param2, String values2) {
        SweepGridModel grid = new SweepGridModel(LabSettings::defaults);
        grid.paramProperty().set(param);
        grid.valuesProperty().set(values);
        if (param2 != null) {
            grid.param2Property().set(param2);
            grid.values2Property().set(values2);
        }
        grid.schemesProperty().set("lecun");
        grid.seedsProperty().set("1");
        SweepPlan p = grid.check();
        assertNotNull(p, grid.problemProperty().get());
        return p;
    }

    private static SweepResults shown(SweepPlan p) {
        SweepResults results = new SweepResults();
        results.reset(p, SweepTheory.choice(p));
        results.redraw();
        return results;
    }

    private static SweepResults shown(String param, String values, String param2, String values2) {
        return shown(plan(param, values, param2, values2));
    }

    @Test
    void theMapOfSigmaW2ByDepthIsTitledInChinese() {
        I18n.setLocale(I18n.CHINESE);
        SweepViewModel.HeatMap map =
                shown("sigma-w2", "1,2", "depth", "1,2").heatMapProperty().get();
        assertEquals("权重方差 σ_w²", map.xName());
        assertEquals("深度（层数） — lecun, sigmoid", map.yName());
        for (String title : new String[] {map.xName(), map.yName()}) {
            assertFalse(title.contains("sigma-w2"), title);
            assertFalse(title.contains("depth"), title);
        }
    }

    @Test
    void theCurvesAxisIsTitledByItsLabelInEitherLanguage() {
        I18n.setLocale(I18n.CHINESE);
        assertEquals(
                "宽度（每层单元数）",
                shown("hidden-width", "10,20", null, null).xNameProperty().get());
        assertEquals(
                "权重缩放（× σ）",
                shown("weight-scale", "0.5,1", null, null).xNameProperty().get());
        assertEquals("学习率 η", shown("eta", "0.5,1", null, null).xNameProperty().get());
        assertEquals(
                "偏置方差 σ_b²",
                shown("sigma-b2", "0,1", null, null).xNameProperty().get());
        I18n.setLocale(Locale.ENGLISH);
        assertEquals(
                "Weight variance σ_w²",
                shown("sigma-w2", "1,2", null, null).xNameProperty().get());
        assertEquals(
                "Mini-batch size",
                shown("batch", "10,20", null, null).xNameProperty().get());
    }

    @Test
    void aRunsRowAndACurvesPointNameTheCellByLabels() {
        I18n.setLocale(I18n.CHINESE);
        SweepPlan grid = plan("sigma-w2", "1.75", "depth", "10");
        SweepViewModel.Row row =
                shown(grid).put(new SweepResult(grid.runs().get(0), new int[] {40}, 100, new double[] {1}, null), null);
        // The table's column holds short names: the labels would be cut there.
        assertEquals("σ_w² 1.75, 深度 10", row.cell());
        SweepPlan line = plan("hidden-width", "20", null, null);
        SweepResults curve = shown(line);
        curve.put(new SweepResult(line.runs().get(0), new int[] {40}, 100, new double[] {1}, null), null);
        curve.redraw();
        assertEquals(
                "宽度 20 lecun: 40.00 ± 0.00%",
                curve.curves().get(0).points().get(0).label());
        I18n.setLocale(java.util.Locale.ENGLISH);
        assertEquals(
                "σ_w² 1.75, depth 10",
                shown(grid)
                        .put(new SweepResult(grid.runs().get(0), new int[] {40}, 100, new double[] {1}, null), null)
                        .cell());
    }

    /** Every parameter a sweep can vary has a short name for the table, in both languages. */
    @Test
    void everySweptParameterHasAShortName() {
        for (java.util.Locale l : new java.util.Locale[] {java.util.Locale.ENGLISH, I18n.CHINESE}) {
            I18n.setLocale(l);
            for (org.initlab.settings.SweepAxis a : org.initlab.settings.SweepAxis.values())
                assertTrue(I18n.has(a.labelKey() + ".short"), a.id() + " in " + l);
        }
    }
}
