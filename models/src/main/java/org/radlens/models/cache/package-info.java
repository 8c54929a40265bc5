/**
 * The per-user disk cache of RadLens ({@code ~/.cache/radlens} unless {@code -Dradlens.cache} or
 * {@code $RADLENS_CACHE} says otherwise): unpacked model packages keyed by the zip's sha256, ONNX Runtime's native
 * libraries keyed by their jar entries. Entries are written once, atomically, and are safe for concurrent processes.
 */
package org.radlens.models.cache;
