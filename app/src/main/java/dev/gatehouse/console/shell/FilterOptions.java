package dev.gatehouse.console.shell;

import javafx.beans.property.Property;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** A filter's drop-down: "any" (null) first, then the values, shown in words, bound both ways to the view model. */
public final class FilterOptions {
    private FilterOptions() {}

    /** null ("any") followed by {@code values}. */
    @SafeVarargs
    public static <E> List<E> anyOr(E... values) {
        List<E> options = new ArrayList<>();
        options.add(null);
        options.addAll(Arrays.asList(values));
        return Collections.unmodifiableList(options);
    }

    /** Fills {@code box} with {@code options} and keeps its value and {@code value} in step; {@code label} also names null. */
    public static <E> void bind(ComboBox<E> box, Property<E> value, List<E> options, Function<E, String> label) {
        bind(box, value, FXCollections.observableArrayList(options), label);
    }

    /** The same with options that change (the catalog's providers). */
    public static <E> void bind(ComboBox<E> box, Property<E> value, ObservableList<E> options, Function<E, String> label) {
        box.setConverter(labels(options, label));
        box.setItems(options);
        box.valueProperty().bindBidirectional(value);
    }

    /** Options shown by {@code label}; a label reads back as the option it names (null when none does). */
    private static <E> StringConverter<E> labels(List<E> options, Function<E, String> label) {
        return new StringConverter<>() {
            @Override public String toString(E value) { return label.apply(value); }
            @Override public E fromString(String text) {
                return options.stream().filter(o -> label.apply(o).equals(text)).findFirst().orElse(null);
            }
        };
    }
}
