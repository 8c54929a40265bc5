/**
 * The work behind {@code radlens listen} once a C-STORE has landed: {@link org.radlens.pipeline.listen.ListenService}
 * scores each received object through the pipeline's item scorer and journal and C-STOREs the results onwards;
 * {@link org.radlens.pipeline.listen.ListenLog} writes one line per stage without patient or instance identifiers.
 * The DIMSE receiver itself is dicom-io's; the command and its security options are the CLI's.
 */
package org.radlens.pipeline.listen;
