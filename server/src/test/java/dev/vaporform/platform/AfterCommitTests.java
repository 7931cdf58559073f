package dev.vaporform.platform;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.vaporform.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A reaction runs once the change it reacts to is committed, never for one that was rolled back. */
class AfterCommitTests extends IntegrationTest {

    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    private final List<String> ran = new CopyOnWriteArrayList<>();

    @Test
    void runsOnlyOnceTheTransactionHasCommitted() {
        transactions.executeWithoutResult(status -> {
            AfterCommit.run(() -> ran.add("reaction"));
            assertThat(ran).as("not while the change may still roll back").isEmpty();
        });
        assertThat(ran).containsExactly("reaction");
    }

    @Test
    void neverRunsForATransactionThatRolledBack() {
        transactions.executeWithoutResult(status -> {
            AfterCommit.run(() -> ran.add("reaction"));
            status.setRollbackOnly();
        });
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            AfterCommit.run(() -> ran.add("reaction"));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");
        assertThat(ran).isEmpty();
    }

    @Test
    void runsAtOnceWhenThereIsNoTransaction() {
        AfterCommit.run(() -> ran.add("reaction"));
        assertThat(ran).containsExactly("reaction");
    }

    @Test
    void aFailingReactionNeitherUndoesNorFailsTheCommittedChange() {
        String name = "after-commit-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("create table \"" + name + "\" (id int)").update();
            AfterCommit.run(() -> { throw new IllegalStateException("the socket is gone"); });
            AfterCommit.run(() -> ran.add("the next reaction"));
        });
        assertThat(jdbc.sql("select count(*) from pg_tables where tablename = ?").param(name).query(Long.class).single()).isEqualTo(1);
        assertThat(ran).containsExactly("the next reaction");
        jdbc.sql("drop table \"" + name + "\"").update();
    }
}
