package org.initlab.ui.training;

import java.util.Locale;
import org.initlab.format.Numbers;
import org.initlab.report.SummaryTable;
import org.initlab.train.RunStatus;
import org.initlab.train.RunSummary;
import org.initlab.ui.base.I18n;

/** How the table shows a run's {@link RunSummary} (computed once, in the core): one method per column. */
public final class RowText {
    private RowText() {}

    public static String epoch0(RunSummary s) {
        return s == null ? "" : Numbers.percent(s.epoch0Correct(), s.total());
    }

    /** The first epoch reaching the target; "not yet" while the run goes on, "never" once it completed without. */
    public static String firstReaching(RunSummary s) {
        if (s == null) return "";
        if (s.firstEpochReachingTarget().isPresent())
            return Integer.toString(s.firstEpochReachingTarget().getAsInt());
        return I18n.t(s.status() == RunStatus.COMPLETED ? "row.never" : "row.notYet");
    }

    public static String best(RunSummary s) {
        return s == null ? "" : I18n.f("row.best", Long.toString(s.bestCorrect()), Long.toString(s.total()));
    }

    /** The summary block's words in the window's language (the command line keeps the core's English). */
    public static SummaryTable.Words summaryWords() {
        return new SummaryTable.Words(
                I18n.t("summary.scheme"),
                I18n.t("summary.seed"),
                I18n.t("summary.epoch0"),
                I18n.t("summary.firstReaching"),
                I18n.t("summary.best"),
                I18n.t("summary.final"),
                I18n.t("summary.secondsPerEpoch"),
                I18n.t("summary.mean"),
                I18n.t("row.never"),
                I18n.t("summary.notAvailable"),
                status -> I18n.t("summary.status." + status.name().toLowerCase(Locale.ROOT)));
    }

    public static String last(RunSummary s) {
        return s == null ? "" : Numbers.percent(s.finalCorrect(), s.total());
    }

    public static String secondsPerEpoch(RunSummary s) {
        return s == null ? "" : String.format(Locale.ROOT, "%.2f", s.secondsPerEpoch());
    }
}
