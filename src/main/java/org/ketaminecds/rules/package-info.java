/**
 * The rule pack: everything under the rules directory (DRL files, value sets, the local policy, the rule
 * catalogue and evidence sources), compiled and loaded as one immutable, content-addressed {@link
 * org.ketaminecds.rules.RulePack}. {@link org.ketaminecds.rules.RulePackLoader} builds a pack from a folder
 * with file:line messages; {@link org.ketaminecds.rules.RuleEngine} holds the live pack; a pack evaluates a
 * {@link org.ketaminecds.facts.FactSet} in a fresh stateless session and reports the findings and the rules that
 * fired.
 */
package org.ketaminecds.rules;
