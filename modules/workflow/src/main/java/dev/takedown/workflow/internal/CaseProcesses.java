package dev.takedown.workflow.internal;

import dev.takedown.events.NoticeReceived;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Starts one lifecycle per case (notices that joined an open case, or come from a suspended notifier, start none).
 * The event arrives through the publication registry, so it may arrive again after a
 * crash; the {@code workflow_case} row, written in the same transaction as the process start, makes the second
 * delivery a no-op.
 */
@Component
class CaseProcesses {

    static final String PROCESS_KEY = "notice-lifecycle";

    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;

    CaseProcesses(RuntimeService runtime, JdbcTemplate jdbc) {
        this.runtime = runtime;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(NoticeReceived received) {
        if (!NoticeReceived.PROCESS.equals(received.disposition())) {
            return;
        }
        int claimed =
                jdbc.update("insert into workflow_case (case_id) values (?) on conflict do nothing", received.caseId());
        if (claimed == 0) {
            return;
        }
        String processInstanceId = runtime.startProcessInstanceByKey(
                        PROCESS_KEY, received.caseId(), Map.of(CaseVariables.CASE_ID, received.caseId()))
                .getId();
        jdbc.update(
                "update workflow_case set process_instance_id = ? where case_id = ?",
                processInstanceId,
                received.caseId());
    }
}
