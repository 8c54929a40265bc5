/**
 * DIMSE networking over PixelMed, behind our own types: a C-STORE receiver ({@link
 * org.radlens.dicomio.dimse.StorageReceiver}, also answering C-ECHO, accepting compressed transfer syntaxes) and a
 * C-STORE / C-ECHO client ({@link org.radlens.dicomio.dimse.DimseClient}). Failures are checked
 * {@link org.radlens.dicomio.dimse.DimseException}s naming the peer.
 */
package org.radlens.dicomio.dimse;
