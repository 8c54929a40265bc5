/**
 * Benchmark suites defined as JSON files ({@code /suites/*.json} on the class path, listed in
 * {@code /suites/index.txt}): a shared-data manifest, a join for columns it lacks (e.g. the split), a row filter,
 * and a mapping to the task's columns. {@link org.radlens.validation.suite.SuiteRunner} adapts and runs one with
 * predictions from a {@link org.radlens.validation.suite.SuiteSources}.
 */
package org.radlens.validation.suite;
