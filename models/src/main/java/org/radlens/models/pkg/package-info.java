/** Model packages: the {@code radlens-model.json} manifest, checksum verification and safe unpacking of zips. */
package org.radlens.models.pkg;
