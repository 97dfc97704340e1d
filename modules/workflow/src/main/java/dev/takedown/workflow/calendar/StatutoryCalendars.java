package dev.takedown.workflow.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The calendars of the jurisdictions with day-based counter-notice waits (timer T6). */
@Component
public class StatutoryCalendars {

    private static final Logger log = LoggerFactory.getLogger(StatutoryCalendars.class);

    /** How far ahead a CN wait can reach: 15 days rolled over the longest holiday block, with margin. */
    private static final int REACH_DAYS = 45;

    private final ChinaCalendar china;
    private final UsFederalCalendar us = new UsFederalCalendar();

    public StatutoryCalendars(Clock clock) {
        this.china = readChina();
        log.info("{}: CN holiday schedules {}", ChinaHolidayTable.RESOURCE, china.schedules());
        // the computation fails for a missing year anyway; this says so weeks before a case hits it
        LocalDate today = LocalDate.now(clock.withZone(china.zone()));
        for (int year = today.getYear(); year <= today.plusDays(REACH_DAYS).getYear(); year++) {
            if (!china.schedules().containsKey(year)) {
                log.warn(
                        "{} has no schedule for {}: CN periods reaching {} fail until {} is added from the "
                                + "State Council's notice",
                        ChinaHolidayTable.RESOURCE,
                        year,
                        year,
                        ChinaHolidayTable.property(year));
            }
        }
    }

    /** China, from {@code holidays-cn.yml} on the classpath. */
    public StatutoryCalendar china() {
        return china;
    }

    /** US federal business days. */
    public StatutoryCalendar us() {
        return us;
    }

    private static ChinaCalendar readChina() {
        try (InputStream yaml = new ClassPathResource(ChinaHolidayTable.RESOURCE).getInputStream()) {
            return ChinaCalendar.fromYaml(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read " + ChinaHolidayTable.RESOURCE
                            + " from the classpath (config/ in the repository, added by the app module)",
                    e);
        }
    }
}
