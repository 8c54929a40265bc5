/**
 * Image and text encoders over DJL's ONNX Runtime engine, with predictor pools (one predictor per working thread),
 * batching and a prompt-embedding cache. Outputs are plain Java arrays in records.
 */
package org.radlens.models.encode;
