package dev.takedown.local;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Named crash points without a hook in the application: a trigger at the point takes a shared advisory lock that
 * the test holds exclusively, so the application's transaction stops exactly there (its work done but uncommitted,
 * or committed and the next step not yet taken); the test sees it waiting in {@code pg_stat_activity} and then
 * kills the JVM with SIGKILL. Also triggers that make a write fail, for retries and incidents.
 */
final class FaultFreeze implements AutoCloseable {

    static final long LOCK = 4242;

    private final JdbcTemplate jdbc;
    private final Connection holder;

    FaultFreeze(DataSource dataSource) throws SQLException {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table if not exists fault_case (case_id text primary key, mode text not null)");
        jdbc.execute("""
                create or replace function fault_freeze() returns trigger language plpgsql as $$
                begin
                  if tg_nargs = 0 then
                    perform pg_advisory_xact_lock_shared(%d);
                  elsif exists (select 1 from fault_case where case_id = new.case_id::text and mode = tg_argv[0]) then
                    perform pg_advisory_xact_lock_shared(%d);
                  end if;
                  return new;
                end $$""".formatted(LOCK, LOCK));
        jdbc.execute("""
                create or replace function fault_fail() returns trigger language plpgsql as $$
                begin
                  if exists (select 1 from fault_case where case_id = new.case_id::text and mode = tg_argv[0]) then
                    raise exception 'fault injected: % refused', tg_table_name;
                  end if;
                  return new;
                end $$""");
        holder = dataSource.getConnection();
        holder.setAutoCommit(true);
    }

    /** Takes the lock: from now on every installed freeze point stops whoever reaches it. */
    FaultFreeze hold() throws SQLException {
        try (Statement s = holder.createStatement()) {
            s.execute("select pg_advisory_lock(" + LOCK + ")");
        }
        return this;
    }

    void release() throws SQLException {
        try (Statement s = holder.createStatement()) {
            s.execute("select pg_advisory_unlock_all()");
        }
    }

    void mark(String caseId, String mode) {
        jdbc.update(
                "insert into fault_case (case_id, mode) values (?, ?) on conflict (case_id) do update "
                        + "set mode = excluded.mode",
                caseId,
                mode);
    }

    /** {@code create trigger <name> <timing> on <table> for each row [when (...)] execute function ...}. */
    void trigger(String name, String timingAndTable, String when, String function) {
        jdbc.execute("drop trigger if exists " + name + " on "
                + timingAndTable.substring(timingAndTable.lastIndexOf(' ') + 1));
        jdbc.execute("create trigger " + name + " " + timingAndTable + " for each row "
                + (when == null ? "" : "when (" + when + ") ") + "execute function " + function);
    }

    void drop(String name, String table) {
        jdbc.execute("drop trigger if exists " + name + " on " + table);
    }

    /** Sessions stopped at a freeze point whose current statement matches {@code like}. */
    int waiting(String like) {
        return jdbc.queryForObject(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                        + "and wait_event = 'advisory' and query ilike ?",
                Integer.class,
                like);
    }

    void awaitWaiting(String like, int atLeast, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (waiting(like) < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nobody reached the freeze point '" + like + "' (" + waiting(like)
                        + " < " + atLeast + ") within " + patience + "; sessions: "
                        + jdbc.queryForList("select state, wait_event_type, wait_event, left(query, 80) as q "
                                + "from pg_stat_activity where datname = 'postgres'"));
            }
            ChildProcesses.sleep(100);
        }
    }

    @Override
    public void close() throws SQLException {
        holder.close();
    }
}
