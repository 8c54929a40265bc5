/**
 * TLS and secrets for RadLens's network clients and listeners (DICOM TLS for DIMSE, https for DICOMweb):
 * {@link org.radlens.dicomio.tls.TlsSettings} builds an {@code SSLContext} from a keystore / truststore (PKCS12 or
 * JKS; a truststore may also be a PEM bundle) limited to TLS 1.2 and 1.3; {@link org.radlens.dicomio.tls.Secrets}
 * reads passwords and credentials from an environment variable or an owner-only file, never from the command line.
 */
package org.radlens.dicomio.tls;
