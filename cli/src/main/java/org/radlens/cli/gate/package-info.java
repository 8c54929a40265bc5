/**
 * {@code radlens eval gate-calibrate}: builds a package's embedding input gate ({@code input-gate.json}) from the
 * shared data — {@link org.radlens.cli.gate.CalibrationData} lists the films, {@link org.radlens.cli.gate.GateCalibration}
 * encodes them and fits prototypes and the threshold (maths in {@code org.radlens.models.gate.Prototypes}).
 */
package org.radlens.cli.gate;
