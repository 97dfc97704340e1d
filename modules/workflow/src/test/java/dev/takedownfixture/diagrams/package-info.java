/**
 * Beans the broken diagram fixture ({@code diagram-rules/broken.bpmn}) names, each wrong in one way the diagram rules
 * must catch; outside {@code dev.takedown} so that no application scan finds them.
 */
package dev.takedownfixture.diagrams;
