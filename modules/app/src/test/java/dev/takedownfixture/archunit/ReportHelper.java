package dev.takedownfixture.archunit;

/** A name that says nothing about what the class does. */
class ReportHelper {}
