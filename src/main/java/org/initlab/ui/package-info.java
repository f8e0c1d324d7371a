/**
 * The JavaFX lab window: thin views ({@link org.initlab.ui.LayerBuilderView}, {@link org.initlab.ui.InitPickerView},
 * {@link org.initlab.ui.StatsCharts}, {@link org.initlab.ui.LabWindow}) over one view-model
 * ({@link org.initlab.ui.LabViewModel}) whose properties hold the user's settings and the engine's latest answer.
 *
 * <p>Rules: no ND4J and no model math here — the view-model sends whole configs to {@link org.initlab.engine.Lab}
 * and receives immutable {@link org.initlab.engine.LabSnapshot}s, latest wins, on the FX thread, never waiting for
 * the engine. Looks live in the CSS themes under {@code assets/themes} (in the jar as {@code /themes/*.css}).
 * {@link org.initlab.ui.Gui} starts the toolkit (headless through Monocle when there is no display), the window,
 * and the off-screen rendering behind {@code plot}.
 */
package org.initlab.ui;
