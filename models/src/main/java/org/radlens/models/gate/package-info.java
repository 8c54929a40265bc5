/**
 * The embedding half of the input gate: {@link org.radlens.models.gate.EmbeddingGate}, an optional file of a model
 * package ({@code input-gate.json}, schema {@code radlens-input-gate/1}, named by the manifest key
 * {@code input_gate}) holding prototypes of the image embeddings of in-scope films and a calibrated cosine threshold.
 * The header half (modality, SOP class, view) is dicom-io's {@code org.radlens.dicomio.scope.ScopeGate}.
 */
package org.radlens.models.gate;
