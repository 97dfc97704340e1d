package dev.takedown.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The CloudEvents {@code type} of an event record and the topic it is published to. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** Versioned CloudEvents type, e.g. {@code dev.takedown.notice.received.v1}. */
    String value();

    /** One of {@link Topics}. */
    String topic();
}
