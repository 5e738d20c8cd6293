package org.ketaminecds.rules;

/**
 * Thrown by an evaluation's checkpoint ({@link RulePack#evaluate(org.ketaminecds.facts.FactSet, Runnable)}) to stop
 * it, for example when the decision's deadline has passed. The rule pack rethrows it as it is, not wrapped in
 * Drools' exceptions.
 */
public class EvaluationStopped extends RuntimeException {

    public EvaluationStopped(String message) {
        super(message, null, false, false);
    }
}
