// Package officeholders holds the heads of state and government, ministers
// and officials of international organisations who took office after the
// Phoenix actor dictionaries were last revised (about 2018), or whose
// later terms those dictionaries lack, with their dated roles in
// PETRARCH's actors format. The generators of the gazetteer (people and
// their country, for the entity layer) and of the actor dictionaries (codes
// on an article's date, for the event coder) read it after the Phoenix
// files, so that an entry here holds over one there of the same name.
//
// An entry is a name, its other names ("+"), and its codes: a default and
// the roles of dated spans, "[USAGOV >20250120]" from a day on,
// "[USAGOV 20170120-20210120]" from one day to another, both included.
// Only roles that ended, or began, on a date public record gives are
// listed; an office whose holder may since have changed is left open, as
// the dictionaries leave theirs.
package officeholders

import _ "embed"

// Actors is the supplement, in PETRARCH's actors format.
//
//go:embed actors.txt
var Actors string
