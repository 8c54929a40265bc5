/**
 * DICOMweb client (QIDO-RS, WADO-RS, STOW-RS) over the JDK's {@code HttpURLConnection}: basic or bearer authentication,
 * per-request timeouts, retries with exponential backoff on connection failures, 5xx and 429. Responses and errors
 * name the URL path, never patient data.
 */
package org.radlens.dicomio.web;
