/**
 * RadLens validation: metrics ({@code .metrics}), evaluation over manifests ({@code .eval}), reports
 * ({@code .report}) and built-in suites ({@code .suite}). See the module README for conventions.
 */
package org.radlens.validation;
