/** Text grounding: patch–text similarity heat maps in the original image grid, and boxes around their regions. */
package org.radlens.models.grounding;
