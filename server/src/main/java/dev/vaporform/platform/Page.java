package dev.vaporform.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list answer, as API.md defines it: {@code {items, page, size, total}}.
 *
 * @param items the entries of this page
 * @param page  the page number, from 0
 * @param size  the requested page size
 * @param total how many entries there are across all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** @return the same page with each item mapped */
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
