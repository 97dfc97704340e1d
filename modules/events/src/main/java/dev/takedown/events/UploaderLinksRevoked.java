package dev.takedown.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Staff withdrew the uploader's links of a case for the named purposes ({@code VIEW}, {@code COUNTER_NOTICE},
 * {@code APPEAL}), with a reason; the links open nothing from then on.
 */
@EventType(value = "dev.takedown.uploader.links-revoked.v1", topic = Topics.NOTICE_EVENTS)
public record UploaderLinksRevoked(
        UUID eventId, Instant occurredAt, String caseId, String actor, List<String> purposes, int links, String reason)
        implements TakedownEvent {}
