package org.initlab.ui.training;

import java.util.HashMap;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A table whose columns are as wide as their widest text (title or cell), measured in the fonts the table
 * shows, at every layout: no number is cut to "…" whatever the window's width, text size or language; a
 * table narrower than its columns scrolls sideways. Widths are cached per text and font.
 */
final class FittedTable<S> extends TableView<S> {
    /** Room around a cell's text (its padding) and a title's (padding and the sort arrow). */
    private static final double CELL_ROOM = 18, TITLE_ROOM = 24;

    private static final int CACHE_LIMIT = 4096;
    private final Text probe = new Text();
    private final Map<String, Double> widths = new HashMap<>();
    private final Map<TableColumn<S, ?>, Double> minimum = new HashMap<>();

    FittedTable(ObservableList<S> items) {
        super(items);
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
    }

    /** A column of graphics (a progress bar) that needs at least {@code width}, whatever its text. */
    void keepAtLeast(TableColumn<S, ?> column, double width) {
        minimum.put(column, width);
    }

    @Override
    protected void layoutChildren() {
        fitColumns();
        super.layoutChildren();
    }

    private void fitColumns() {
        Font titleFont = font(".column-header .label"), cellFont = font(".table-cell");
        for (TableColumn<S, ?> c : getColumns()) {
            double w = measure(c.getText(), titleFont) + TITLE_ROOM;
            if (!minimum.containsKey(c)) {
                for (S item : getItems()) {
                    Object v = c.getCellObservableValue(item) == null
                            ? null
                            : c.getCellObservableValue(item).getValue();
                    if (v != null) w = Math.max(w, measure(v.toString(), cellFont) + CELL_ROOM);
                }
            } else {
                w = Math.max(w, minimum.get(c));
            }
            w = Math.ceil(w);
            if (c.getPrefWidth() != w) c.setPrefWidth(w);
        }
    }

    private Font font(String selector) {
        Node n = lookup(selector);
        return n instanceof Labeled l ? l.getFont() : Font.getDefault();
    }

    private double measure(String text, Font font) {
        if (text == null || text.isEmpty()) return 0;
        String key = font.getName() + '\u0000' + font.getSize() + '\u0000' + text;
        Double known = widths.get(key);
        if (known != null) return known;
        if (widths.size() > CACHE_LIMIT) widths.clear();
        probe.setFont(font);
        probe.setText(text);
        double w = probe.getLayoutBounds().getWidth();
        widths.put(key, w);
        return w;
    }
}
