/** Zero-shot classification with positive/negative prompt ensembles. */
package org.radlens.models.zeroshot;
