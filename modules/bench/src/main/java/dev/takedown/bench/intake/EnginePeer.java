package dev.takedown.bench.intake;

import dev.takedown.bench.Args;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;

/**
 * {@code P_engine}: Camunda alone on the same PostgreSQL, in a JVM of its own, closed loop (as fast as it goes):
 * <ul>
 * <li>{@code --mode=trivial}: start → end, history none, started singly from several threads — this machine's figure
 * beside Camunda's published one;</li>
 * <li>{@code --mode=lifecycle}: {@code bpmn/notice-lifecycle.bpmn} and {@code triage.dmn} with stub delegates up to
 * the first user task (validation's async job, triage, the review task with its timers and message subscriptions),
 * engine settings as {@code config/application.yml} has them (history audit, job executor 10/4/20, legacy FEEL),
 * started singly from several threads or in batches of {@code --batch} per engine command;
 * {@code --acquire-by-due-date=true} acquires the earliest due jobs first through an index, {@code --sync-validation=true}
 * runs validation and triage in the starting transaction (no job), as a batched starter would;
 * {@code --open-timers=N} first puts N timers due in a year into the job table, as open cases leave them.</li>
 * </ul>
 * Prints one line {@code engine <mode> batch <n>: <count> in <s> s = <rate>/s; cpu <ms> ms/instance}; the rate runs
 * from the first start until the last instance reached its end (trivial) or its review task (lifecycle).
 *
 * <pre>
 * java -cp CLASSPATH dev.takedown.bench.intake.EnginePeer --jdbc-url=... --mode=lifecycle --count=3000 --batch=100
 * </pre>
 */
public final class EnginePeer {

    private EnginePeer() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        System.out.println(measure(a));
    }

    /** Runs the peer as the arguments say; its line of figures. */
    static String measure(Map<String, String> a) throws Exception {
        String url = a.get("jdbc-url");
        String mode = a.getOrDefault("mode", "lifecycle");
        int count = Integer.parseInt(a.getOrDefault("count", "3000"));
        int batch = Integer.parseInt(a.getOrDefault("batch", "1"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "4"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "1000"));
        boolean lifecycle = mode.equals("lifecycle");
        // the engine's default acquisition (as configured), or the earliest due jobs first through an index on the due
        // date
        boolean byDueDate = Boolean.parseBoolean(a.getOrDefault("acquire-by-due-date", "false"));
        // validation in the starting transaction instead of a job of its own: what a batched starter would run
        boolean syncValidation = Boolean.parseBoolean(a.getOrDefault("sync-validation", "false"));
        // the review timers of this many open cases' worth, due in a year, already in act_ru_job
        int openTimers = Integer.parseInt(a.getOrDefault("open-timers", "0"));

        ProcessEngine engine = engine(url, lifecycle, byDueDate);
        try {
            if (lifecycle) {
                BpmnModelInstance model =
                        Bpmn.readModelFromStream(EnginePeer.class.getResourceAsStream("/bpmn/notice-lifecycle.bpmn"));
                if (syncValidation) {
                    model.<ServiceTask>getModelElementById("Task_ValidateNotice")
                            .setCamundaAsyncBefore(false);
                }
                engine.getRepositoryService()
                        .createDeployment()
                        .addModelInstance("notice-lifecycle.bpmn", model)
                        .addClasspathResource("bpmn/triage.dmn")
                        .deploy();
            } else {
                engine.getRepositoryService()
                        .createDeployment()
                        .addModelInstance(
                                "trivial.bpmn",
                                Bpmn.createExecutableProcess("trivial")
                                        .camundaHistoryTimeToLive(1)
                                        .startEvent()
                                        .endEvent()
                                        .done())
                        .deploy();
            }
            if (openTimers > 0) {
                openTimers(url, openTimers);
            }
            // the first instances run interpreted and compile the path: not counted
            if (warmup > 0) {
                run(engine, lifecycle, warmup, batch, threads);
            }
            long cpuBefore = cpuNanos();
            long started = System.nanoTime();
            run(engine, lifecycle, count, batch, threads);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuMs = (cpuNanos() - cpuBefore) / 1e6 / count;
            return String.format(
                    "engine %s batch %d: %d in %.2f s = %.1f/s; cpu %.2f ms/instance",
                    mode, batch, count, seconds, count / seconds, cpuMs);
        } finally {
            engine.close();
        }
    }

    private static void run(ProcessEngine engine, boolean lifecycle, int count, int batch, int threads)
            throws Exception {
        String key = lifecycle ? "notice-lifecycle" : "trivial";
        long tasksBefore = lifecycle ? tasks(engine) : 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong next = new AtomicLong();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (long from = next.getAndAdd(batch); from < count; from = next.getAndAdd(batch)) {
                    int n = (int) Math.min(batch, count - from);
                    if (n == 1) {
                        start(engine, key);
                    } else {
                        // n starts in one engine command, so one transaction and one flush
                        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                                .getCommandExecutorTxRequired()
                                .execute(context -> {
                                    for (int i = 0; i < n; i++) {
                                        start(engine, key);
                                    }
                                    return null;
                                });
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        if (lifecycle) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (tasks(engine) - tasksBefore < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("review tasks not created within 10 minutes");
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * A platform with many open cases holds two review timers per case, due in hours or days; the engine's default
     * acquisition query reads all of them each time it looks for due jobs. These stand-ins are due in a year.
     */
    private static void openTimers(String url, int count) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("insert into act_ru_job (id_, rev_, type_, exclusive_, retries_, duedate_, handler_type_,"
                    + " handler_cfg_, suspension_state_, priority_, create_time_)"
                    + " select 'open-timer-' || g, 1, 'timer', true, 3, now() + interval '365 days',"
                    + " 'timer-transition', 'none', 1, 0, now() from generate_series(1, " + count + ") g"
                    + " on conflict do nothing");
            s.execute("analyze act_ru_job");
        }
    }

    private static void start(ProcessEngine engine, String key) {
        String caseId = UUID.randomUUID().toString();
        engine.getRuntimeService().startProcessInstanceByKey(key, caseId, Map.of("caseId", caseId));
    }

    private static long tasks(ProcessEngine engine) {
        return engine.getTaskService().createTaskQuery().count();
    }

    private static long cpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(0L);
    }

    /** The app's engine settings (config/application.yml), with stubs for the beans the path calls. */
    private static ProcessEngine engine(String url, boolean lifecycle, boolean byDueDate) {
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setJdbcUrl(url);
        config.setJdbcUsername("postgres");
        config.setJdbcPassword("postgres");
        config.setJdbcDriver("org.postgresql.Driver");
        config.setJdbcMaxActiveConnections(10);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        config.setHistory(lifecycle ? "audit" : "none");
        config.setJavaSerializationFormatEnabled(false);
        config.setDmnFeelEnableLegacyBehavior(true);
        config.setJobExecutorActivate(lifecycle);
        config.setMetricsEnabled(false);
        config.setJobExecutorAcquireByDueDate(byDueDate);
        config.setEnsureJobDueDateNotNull(byDueDate);
        if (lifecycle) {
            DefaultJobExecutor jobs = new DefaultJobExecutor();
            jobs.setMaxJobsPerAcquisition(10);
            jobs.setCorePoolSize(4);
            jobs.setMaxPoolSize(4);
            jobs.setQueueSize(20);
            jobs.setLockTimeInMillis(60_000);
            config.setJobExecutor(jobs);
        }
        Map<Object, Object> beans = new HashMap<>();
        beans.put("validateNotice", (JavaDelegate) execution -> {
            // the facts ValidateNotice hands triage, as transient variables, for a complete CN notice
            execution.setVariable("profile", Variables.stringValue("CN_CC_1195", true));
            execution.setVariable("notifierType", Variables.stringValue("RIGHTS_HOLDER", true));
            execution.setVariable("targetType", Variables.stringValue("URL", true));
            execution.setVariable("wellKnownWork", Variables.booleanValue(false, true));
            execution.setVariable("aiAssistedWork", Variables.booleanValue(false, true));
            execution.setVariable("complete", true);
            execution.setVariable("curable", false);
        });
        beans.put("recordTriageNote", (JavaDelegate) execution -> {});
        beans.put("reviewDeadlines", new Deadlines());
        config.setBeans(beans);
        ProcessEngine engine = config.buildProcessEngine();
        if (lifecycle && byDueDate) {
            // the index the by-due-date acquisition query needs; the engine's schema has none
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                    Statement s = c.createStatement()) {
                s.execute("create index if not exists td_idx_job_duedate on act_ru_job (duedate_)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return engine;
    }

    /** ReviewDeadlines' answers for a one-day SLA, without the app's clock and configuration. */
    public static final class Deadlines {

        public Date dueDate(Number slaHours) {
            return new Date(System.currentTimeMillis()
                    + Duration.ofHours(slaHours.longValue()).toMillis());
        }

        public Date seniorDueDate() {
            return new Date(System.currentTimeMillis() + Duration.ofDays(1).toMillis());
        }

        public String reminder(Number slaHours) {
            return Duration.ofHours(slaHours.longValue()).dividedBy(2).toString();
        }

        public String escalation(Number slaHours) {
            return Duration.ofHours(slaHours.longValue()).toString();
        }
    }
}
