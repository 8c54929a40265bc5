/**
 * The input gate every entry point shares (classify, ground, segment, score over folders, DICOMweb and C-STORE, the
 * Spark engine, the Fiji commands): {@link org.radlens.dicomio.scope.ScopeGate} decides from an input's header
 * ({@link org.radlens.dicomio.InputFacts}) whether a 2D chest model may score it, and says so as a
 * {@link org.radlens.dicomio.scope.Scope}: {@code in_scope}, {@code flagged:<reasons>} (scored, the flag shown next to
 * the findings) or {@code refused:<reason>} (no findings, no SR/SEG, a message naming the file and what to do).
 * The model package's embedding gate adds its own flag through {@link org.radlens.dicomio.scope.Scope#flag}.
 */
package org.radlens.dicomio.scope;
