package dev.takedown.review.web;

import dev.takedown.kernel.FieldProblem;
import dev.takedown.review.InvalidDecisionException;
import java.util.List;

final class TaskSort {

    private TaskSort() {}

    static String parse(String sort) {
        if (!"priority".equals(sort) && !"due".equals(sort)) {
            throw new InvalidDecisionException(List.of(new FieldProblem("sort", "must be 'priority' or 'due'")));
        }
        return sort;
    }
}
