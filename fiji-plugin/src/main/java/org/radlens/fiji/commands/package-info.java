/**
 * The ImageJ 1 {@code PlugIn}s listed in {@code plugins.config} (menu Plugins › RadLens). Each reads its options
 * through a {@code GenericDialog} (so they record into macros and no dialog opens when a macro gives them) and calls
 * a static {@code execute} method, the Java API the tests use.
 */
package org.radlens.fiji.commands;
