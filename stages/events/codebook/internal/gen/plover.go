package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// ploverTypes is what plover-types.json restates from the PLOVER 2.0
// manual.
type ploverTypes struct {
	Events         []ploverType `json:"events"`
	AuxiliaryModes []string     `json:"auxiliary_modes"`
	Contexts       []string     `json:"contexts"`
}

// ploverType is an event type of plover-types.json.
type ploverType struct {
	Event          string   `json:"event"`
	QuadCode       int      `json:"quad_code"`
	NeedsRecipient bool     `json:"needs_recipient"`
	Modes          []string `json:"modes"`
}

func readPloverTypes(path string) (*ploverTypes, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var t ploverTypes
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(t.Events) != 16 {
		return nil, fmt.Errorf("%s: %d event types, want PLOVER's 16", path, len(t.Events))
	}
	return &t, nil
}

// mapping is one CAMEO code's PLOVER event, mode and contexts (joined by
// "|").
type mapping struct {
	cameo, event, mode, context string
}

// The 2021 table predates PLOVER 2.0's revision of the modes. Its modes
// that 2.0 renamed are renamed as the manual does; the ones 2.0 dropped,
// with no successor, are left empty.
var modeRenames = map[string]string{
	"ban": "restrict", "assassinate": "targeted", "massacre": "targeted", "execute": "targeted",
	"primative": "primitive", "sieze": "seize",
}

// The CAMEO roots PLOVER leaves out, 01 (make a public statement) and 02
// (appeal), are STATEMENT and APPEAL (see DESIGN.md), with these codes
// (CAMEO 1.1b3 codebook).
var statementAppeal = strings.Fields(`01 010 011 012 013 014 015 016 017 018 019
	02 020 021 0211 0212 0213 0214 022 023 0231 0232 0233 0234 024 0241 0242 0243 0244
	025 0251 0252 0253 0254 0255 0256 026 027 028`)

// Codes of later CAMEO versions that the verb dictionary uses and the 2021
// table lacks, mapped to the PLOVER 2.0 type and mode that describe them:
// an attack by cyber means (176) is COERCE's mode "cyber", not ASSAULT's
// "unconventional" (weapons of mass destruction).
var laterCodes = []mapping{
	{cameo: "176", event: "COERCE", mode: "cyber", context: "cyber"},
	{cameo: "1951", event: "ASSAULT", mode: "aerial"},
	{cameo: "1952", event: "ASSAULT", mode: "drone"},
}

// revisions are where PLOVER 2.0's notes on a type move CAMEO codes the
// 2021 table gives another: intents to yield (035, "express intent to
// ease sanctions, release, de-escalate") are the "verbal yielding" that
// 2.0 counts as CONCEDE, not the AGREE of a promise to cooperate; and
// forgiving (056: pardons, amnesties) is one of the "pardons" it counts
// there too, not SUPPORT; and easing economic sanctions, a curfew or
// emergency rule (085, 0813, 0814), which the table leaves under RETREAT
// with the mode "ease" it notes is no longer one, are easings like the
// CONCEDE of 081, 0811, 0812 and 082: 2.0's RETREAT has no easing. And an
// embargo, boycott or sanctions imposed (163), which the table files under
// COERCE/restrict, is one of the examples of the manual's SANCTION ("impose
// embargo, boycott, or sanctions"); its COERCE is repression and
// restrictions on rights. Negotiations halted (164) are REJECT/meet, as
// the manual codes cancelled meetings ("verbal conflict"), not SANCTION.
var revisions = map[string]string{
	"035": "CONCEDE", "0351": "CONCEDE", "0352": "CONCEDE", "0353": "CONCEDE", "0354": "CONCEDE",
	"0355": "CONCEDE", "0356": "CONCEDE", "056": "CONCEDE", "085": "CONCEDE", "0813": "CONCEDE", "0814": "CONCEDE",
	"163": "SANCTION", "164": "REJECT",
}

// modeRevisions are where PLOVER 2.0's mode tables give a CAMEO code
// another mode than the 2021 table: an accusation (112) is ACCUSE's
// "allege" ("formally or informally accuse"), not "disapprove"; an
// official complaint (114) is "disapprove" ("express disapproval; condemn;
// complain"); aerial weapons employed (195) are ASSAULT's "aerial"
// (manned aircraft), a mode the 2021 table did not have; a military
// retreat (0874) is RETREAT's "withdraw" ("retreat from territory"), not
// "disarm"; and reduced relations of no other kind (16, 160) and
// sanctions (163) are SANCTION's "discontinue", the residual mode that
// the manual gives international sanctions.
var modeRevisions = map[string]string{
	"112": "allege", "114": "disapprove", "195": "aerial", "0874": "withdraw",
	"16": "discontinue", "160": "discontinue", "163": "discontinue", "164": "meet",
}

// contextRenames maps the 2021 table's contexts to PLOVER 2.0's.
var contextRenames = map[string]string{
	"humanitarian": "human_security", "democracy": "pro_democracy",
}

var mapLineRE = regexp.MustCompile(`^([0-9]{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#.*)?$`)

// readPlover parses CAMEO2PLOVER-2021.txt ("042: CONSULT, visit, # Make a
// visit") and checks each line against the PLOVER 2.0 types: the event must
// be one of them, a mode one of its modes (after renaming), a context one
// of the contexts. Root 08 is listed twice (CONCEDE and RETREAT); the code
// lines under it decide, and the root keeps its first line. Code 175 is
// listed twice with the same mapping.
func readPlover(path string, types *ploverTypes) ([]mapping, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	modes := make(map[string][]string)
	for _, e := range types.Events {
		modes[e.Event] = e.Modes
	}
	contexts := types.Contexts
	var errs []string
	seen := make(map[string]mapping)
	var out []mapping
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") || strings.Trim(line, "~") == "" {
			continue // blank, comment, or the "~~~~~" that ends the table
		}
		m := mapLineRE.FindStringSubmatch(line)
		if m == nil {
			errs = append(errs, fmt.Sprintf("%s:%d: bad line %q", path, n, line))
			continue
		}
		mp := mapping{cameo: m[1], event: m[2], mode: strings.TrimSpace(m[3]), context: strings.TrimSpace(m[4])}
		if r, ok := modeRenames[mp.mode]; ok {
			mp.mode = r
		}
		if r, ok := revisions[mp.cameo]; ok {
			mp.event = r
		}
		if r, ok := modeRevisions[mp.cameo]; ok {
			mp.mode = r
		}
		if _, ok := modes[mp.event]; !ok {
			errs = append(errs, fmt.Sprintf("%s:%d: %s is no PLOVER 2.0 event", path, n, mp.event))
			continue
		}
		if mp.mode != "" && !slices.Contains(modes[mp.event], mp.mode) {
			mp.mode = "" // a 2021 mode with no 2.0 successor ("cleansing", "return")
		}
		var cs []string
		for _, c := range strings.Split(mp.context, ";") {
			c = strings.TrimSpace(c)
			if r, ok := contextRenames[c]; ok {
				c = r
			}
			if c == "" {
				continue
			}
			if !slices.Contains(contexts, c) {
				errs = append(errs, fmt.Sprintf("%s:%d: unknown context %q", path, n, c))
			}
			cs = append(cs, c)
		}
		mp.context = strings.Join(cs, "|")
		if prev, dup := seen[mp.cameo]; dup {
			if prev != mp && len(mp.cameo) > 2 {
				errs = append(errs, fmt.Sprintf("%s:%d: %s mapped twice, differently", path, n, mp.cameo))
			}
			continue
		}
		seen[mp.cameo] = mp
		out = append(out, mp)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for _, c := range statementAppeal {
		ev := "STATEMENT"
		if strings.HasPrefix(c, "02") {
			ev = "APPEAL"
		}
		out = append(out, mapping{cameo: c, event: ev})
	}
	for _, l := range laterCodes {
		if _, dup := seen[l.cameo]; dup {
			errs = append(errs, fmt.Sprintf("%s: %s is in the table now: drop it from laterCodes", path, l.cameo))
		}
		out = append(out, l)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%d problems in the CAMEO to PLOVER table:\n%s", len(errs), strings.Join(errs, "\n"))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].cameo < out[j].cameo })
	return out, nil
}
