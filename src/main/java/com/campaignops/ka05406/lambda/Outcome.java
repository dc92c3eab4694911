package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.audit.AuditReport;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.observability.InvocationSummary.Reported;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/**
 * What one invocation answers, before it is put in the caller's shape (as itself, or as an HTTP reply's body).
 * Closed: every kind says how it is written (as its JSON value), which HTTP status it gets, and how the
 * invocation's log line and metrics report it, so a new kind cannot be forgotten by either.
 *
 * <p><b>Adding a kind</b> (the Campaign sweep's report is next): add a record here, e.g.
 * {@code record Sweep(SweepReport report) implements Outcome}, list it in {@code permits}, give it a
 * {@link JsonValue} accessor and its {@link #reported()}; the handler then returns it where the invocation is
 * recognised.
 */
sealed interface Outcome permits Outcome.Single, Outcome.Verdicts, Outcome.Audit /* , Outcome.Sweep */ {

    /** Each answer inside, as the invocation log and metrics report it. */
    List<Reported> reported();

    /** The status of the HTTP reply that carries it. */
    default int httpStatus() {
        return 200;
    }

    /** One notification's answer: its verdict, or the error that stopped it. */
    sealed interface Single extends Outcome permits Verdict, ErrorBody {
    }

    /** The verdict on one notification: written as the {@link Diagnosis} itself. */
    record Verdict(Diagnosis diagnosis) implements Single {
        @JsonValue
        @Override
        public Diagnosis diagnosis() {
            return diagnosis;
        }

        @Override
        public List<Reported> reported() {
            return List.of(Reported.verdict(diagnosis.verdict(), diagnosis.instance(), diagnosis.restartSource()));
        }
    }

    /** Several notifications in one event (an SNS batch): a JSON list of their answers, in order. */
    record Verdicts(List<Single> answers) implements Outcome {
        public Verdicts {
            answers = List.copyOf(answers);
        }

        @JsonValue
        @Override
        public List<Single> answers() {
            return answers;
        }

        @Override
        public List<Reported> reported() {
            return answers.stream().flatMap(answer -> answer.reported().stream()).toList();
        }
    }

    /** The scheduled audit of every configured instance: written as the {@link AuditReport} itself. */
    record Audit(AuditReport report) implements Outcome {
        @JsonValue
        @Override
        public AuditReport report() {
            return report;
        }

        @Override
        public List<Reported> reported() {
            return report.instances().stream()
                    .map(audit -> Reported.auditStatus(audit.status(), audit.instance(), audit.restartSource()))
                    .toList();
        }
    }

    // The Campaign sweep's report goes here, as another kind beside Audit (see the class comment):
    // record Sweep(SweepReport report) implements Outcome { @JsonValue accessor; reported(): one per finding }
}
