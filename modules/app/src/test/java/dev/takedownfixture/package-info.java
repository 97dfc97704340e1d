/**
 * Small applications that break the rules ModularityTest enforces, so that its test shows each rule fails on a
 * violation. Outside {@code dev.takedown}, so that neither the real module model nor component scanning sees them.
 */
package dev.takedownfixture;
