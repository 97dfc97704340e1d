package dev.takedownfixture.diagrams;

import java.util.Date;
import org.springframework.stereotype.Component;

/** An expression bean under another name than its class's, as {@code reviewSla} once was. */
@Component("sla")
public class Deadlines {

    public Date dueDate() {
        return new Date();
    }
}
