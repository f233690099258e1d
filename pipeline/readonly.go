package pipeline

// ReadOnlyStage is implemented by a stage that keeps state across
// articles, such as dedup's index of the articles seen, and can judge an
// article against that state without adding to it. A request answered on
// the side (newsflow's service endpoint) runs such views, so that asking
// about an article does not make it seen.
type ReadOnlyStage interface {
	Stage
	// ReadOnly returns a Stage that reads the state and never changes it.
	// It shares the state (and its metrics) with the stage, whose
	// Lifecycle, if any, keeps it current; the view has none of its own.
	ReadOnly() Stage
}

// ReadOnlyStages returns stages with each ReadOnlyStage replaced by its
// read-only view, in the same order.
func ReadOnlyStages(stages []Stage) []Stage {
	out := make([]Stage, len(stages))
	for i, s := range stages {
		if ro, ok := s.(ReadOnlyStage); ok {
			s = ro.ReadOnly()
		}
		out[i] = s
	}
	return out
}
