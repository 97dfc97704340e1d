package dev.takedown.kernel;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details as every Takedown API answers them: a type, a title, and the fields at fault. */
public final class Problems {

    private static final String TYPES = "https://takedown.dev/problems/";

    private Problems() {}

    /** @param type the last segment of the problem type URI, e.g. {@code notice-incomplete} */
    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail of(
            HttpStatus status, String type, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = of(status, type, title, detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
