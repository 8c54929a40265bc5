/**
 * DICOMweb client (QIDO-RS, WADO-RS, STOW-RS) over {@code java.net.http.HttpClient}: basic or bearer authentication,
 * per-request timeouts, retries with exponential backoff on connection failures, 5xx and 429. Responses and errors
 * name the URL path, never patient data.
 */
package org.radlens.dicomio.web;
