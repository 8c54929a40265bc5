/**
 * DIMSE networking over PixelMed's DIMSE messages, on sockets we open ourselves: a C-STORE receiver ({@link
 * org.radlens.dicomio.dimse.StorageReceiver}, also answering C-ECHO, accepting compressed transfer syntaxes) bound
 * to one address, refusing unknown called/calling AE titles with A-ASSOCIATE-RJ, plain or DICOM TLS
 * ({@link org.radlens.dicomio.dimse.ListenerSettings}); and a C-STORE / C-ECHO client ({@link
 * org.radlens.dicomio.dimse.DimseClient}), plain or TLS. Failures are checked
 * {@link org.radlens.dicomio.dimse.DimseException}s naming the peer.
 */
package org.radlens.dicomio.dimse;
