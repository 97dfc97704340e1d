package dev.takedown.workflow.calendar;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * China's working days: the State Council's yearly holiday schedule (国务院办公厅关于部分节假日安排的通知) on top
 * of the Saturday/Sunday rest days, with its make-up working days (调休上班). The schedule is published each
 * November or December, so it is configuration ({@code holidays-cn.yml}), not a rule.
 */
public final class ChinaCalendar implements StatutoryCalendar {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final ChinaHolidayTable table;

    ChinaCalendar(ChinaHolidayTable table) {
        this.table = table;
    }

    /** Reads the table in the format of {@code config/holidays-cn.yml}; rejects a malformed one. */
    public static ChinaCalendar fromYaml(InputStream yaml) {
        return new ChinaCalendar(ChinaHolidayTable.read(yaml));
    }

    /** The years the table holds, in order, each with the notice it comes from. */
    public Map<Integer, String> schedules() {
        return table.sources();
    }

    @Override
    public ZoneId zone() {
        return BEIJING;
    }

    /**
     * Civil Code Art. 203's 法定休假日 are the holidays and the weekly rest days (国务院关于职工工作时间的规定
     * Art. 7), except weekend days the schedule makes working days.
     *
     * @throws UnknownHolidayYearException for a year not in the table, rather than guessing weekends only
     */
    @Override
    public boolean isWorkingDay(LocalDate date) {
        if (!table.sources().containsKey(date.getYear())) {
            throw new UnknownHolidayYearException(
                    date.getYear(), ChinaHolidayTable.property(date.getYear()), ChinaHolidayTable.RESOURCE);
        }
        if (table.makeUpWorkingDays().contains(date)) {
            return true;
        }
        return !table.holidays().contains(date) && !ChinaHolidayTable.isWeekend(date);
    }
}
