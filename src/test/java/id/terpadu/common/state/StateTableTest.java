package id.terpadu.common.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import id.terpadu.actionplan.ReportStatus;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;
import id.terpadu.earlywarning.WarningStatus;
import id.terpadu.incident.Stage;
import id.terpadu.meeting.DecisionStatus;
import id.terpadu.neutrality.NeutralityStatus;
import id.terpadu.task.TaskState;

/**
 * The six status machines, each written out as the law and the domain give it (no Quarkus boot): a change to a table
 * must change this text too. And the one way a forbidden move is refused.
 */
class StateTableTest {

    @Test
    void incidentStages() {
        assertThat(table(Stage.class, Stage.TABLE)).isEqualTo("""
                PENCEGAHAN -> PENGHENTIAN SELESAI
                PENGHENTIAN -> PEMULIHAN SELESAI
                PEMULIHAN -> PENGHENTIAN SELESAI
                SELESAI -> (final)""");
    }

    @Test
    void tasks() {
        assertThat(table(TaskState.class, TaskState.TABLE)).isEqualTo("""
                ALERTED -> ACKNOWLEDGED UNABLE CANCELLED
                ACKNOWLEDGED -> ACTIVE UNABLE CANCELLED
                ACTIVE -> DONE UNABLE CANCELLED
                DONE -> (final)
                UNABLE -> (final)
                CANCELLED -> (final)""");
    }

    @Test
    void earlyWarnings() {
        assertThat(table(WarningStatus.class, WarningStatus.TABLE)).isEqualTo("""
                TERIDENTIFIKASI -> DIPANTAU DITANGANI REDA
                DIPANTAU -> DITANGANI REDA
                DITANGANI -> DIPANTAU REDA
                REDA -> DIPANTAU
                ESKALASI -> (final)""");
    }

    @Test
    void progressReports() {
        assertThat(table(ReportStatus.class, ReportStatus.TABLE)).isEqualTo("""
                DRAFT -> SUBMITTED
                SUBMITTED -> VERIFIED RETURNED
                VERIFIED -> (final)
                RETURNED -> SUBMITTED""");
    }

    @Test
    void meetingDecisions() {
        assertThat(table(DecisionStatus.class, DecisionStatus.TABLE)).isEqualTo("""
                OPEN -> OPEN IN_PROGRESS DONE DROPPED
                IN_PROGRESS -> IN_PROGRESS DONE DROPPED
                DONE -> (final)
                DROPPED -> (final)""");
    }

    @Test
    void neutralityPersons() {
        assertThat(table(NeutralityStatus.class, NeutralityStatus.TABLE)).isEqualTo("""
                DITERIMA -> KAJIAN
                KAJIAN -> BUKAN_PELANGGARAN REKOMENDASI
                BUKAN_PELANGGARAN -> (final)
                REKOMENDASI -> SANKSI_DIJATUHKAN TIDAK_DITINDAKLANJUTI
                SANKSI_DIJATUHKAN -> (final)
                TIDAK_DITINDAKLANJUTI -> (final)""");
    }

    @Test
    void aForbiddenMoveIsA409ListingTheAllowedOnes() {
        assertThatThrownBy(() -> Stage.TABLE.require(
                        Stage.PENCEGAHAN,
                        Stage.PEMULIHAN,
                        () -> Message.of(
                                "incident.transition.refused",
                                "from",
                                Stage.PENCEGAHAN,
                                "to",
                                Stage.PEMULIHAN,
                                "allowed",
                                Stage.TABLE.allowedNames(Stage.PENCEGAHAN))))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.CONFLICT);
                    assertThat(e.allowed()).containsExactly("PENGHENTIAN", "SELESAI");
                    assertThat(e.detail().key()).isEqualTo("incident.transition.refused");
                });
        assertThatThrownBy(() -> TaskState.TABLE.require(
                        TaskState.DONE,
                        TaskState.ACTIVE,
                        () -> Message.of("task.transition.refused", "from", TaskState.DONE, "to", TaskState.ACTIVE)))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.allowed()).isEmpty());
        // an allowed move passes and builds no message
        Stage.TABLE.require(Stage.PENCEGAHAN, Stage.PENGHENTIAN, () -> {
            throw new AssertionError("no message for an allowed move");
        });
    }

    @Test
    void aStateWithoutItsMovesFailsWhenTheTableIsBuilt() {
        assertThatThrownBy(() -> StateTable.of(TaskState.class)
                        .from(TaskState.ALERTED, TaskState.DONE)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TaskState.ACKNOWLEDGED has no moves");
        assertThatThrownBy(() ->
                        StateTable.of(TaskState.class).from(TaskState.ALERTED).from(TaskState.ALERTED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("twice");
    }

    private static <S extends Enum<S>> String table(Class<S> type, StateTable<S> table) {
        Map<S, String> rows = new LinkedHashMap<>();
        for (S state : type.getEnumConstants()) {
            rows.put(
                    state,
                    table.isFinal(state)
                            ? "(final)"
                            : Arrays.stream(type.getEnumConstants())
                                    .filter(to -> table.allows(state, to))
                                    .map(Enum::name)
                                    .collect(Collectors.joining(" ")));
        }
        return rows.entrySet().stream()
                .map(e -> e.getKey() + " -> " + e.getValue())
                .collect(Collectors.joining("\n"));
    }
}
