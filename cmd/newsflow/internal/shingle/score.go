package shingle

import "math/big"

// Counts is how the shingles of one page's prediction match its gold
// text's, counted with multiplicity.
type Counts struct {
	// TP is Σ min(gold, pred): shingles in both.
	TP int
	// FP is Σ max(0, pred-gold): predicted shingles beyond the gold ones.
	FP int
	// FN is Σ max(0, gold-pred): gold shingles the prediction misses.
	FN int
}

// normalized returns TP, FP and FN over their sum, when it is not zero.
// The benchmark computes precision and recall from these fractions, not
// from the counts; doing the same keeps the results equal to the last bit.
func (c Counts) normalized() (tp, fp, fn float64) {
	tp, fp, fn = float64(c.TP), float64(c.FP), float64(c.FN)
	if s := c.TP + c.FP + c.FN; s > 0 {
		f := float64(s)
		tp, fp, fn = tp/f, fp/f, fn/f
	}
	return tp, fp, fn
}

// Precision is the page precision: 1 when nothing is wrong (FP = FN = 0,
// which includes two empty texts), 0 when nothing was predicted or
// nothing predicted is right (TP = FP = 0), else TP/(TP+FP).
func (c Counts) Precision() float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FP == 0:
		return 0
	}
	tp, fp, _ := c.normalized()
	return tp / (tp + fp)
}

// Recall is the page recall: 1 when nothing is wrong (FP = FN = 0), 0
// when TP = FN = 0, else TP/(TP+FN).
func (c Counts) Recall() float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FN == 0:
		return 0
	}
	tp, _, fn := c.normalized()
	return tp / (tp + fn)
}

// F1 is the harmonic mean of the page's precision and recall, 0 when both
// are 0. The benchmark reports no page F1; it serves to rank pages.
func (c Counts) F1() float64 {
	return f1(c.Precision(), c.Recall())
}

// Result is the score of a corpus.
type Result struct {
	// Precision is the mean page precision over the PrecisionPages pages
	// with TP+FP > 0: a page with nothing predicted does not count.
	Precision      float64
	PrecisionPages int
	// Recall is the mean page recall over the RecallPages pages with
	// TP+FN > 0: a page with empty gold text does not count.
	Recall      float64
	RecallPages int
	// F1 is the harmonic mean of Precision and Recall (not the mean of the
	// page F1s), 0 when both are 0.
	F1 float64
}

// Aggregate scores a corpus from its pages' counts, by the benchmark's
// rules. A mean over no pages is 0. Means are computed exactly and rounded
// once, so they do not depend on the order of the pages.
func Aggregate(pages []Counts) Result {
	var r Result
	var psum, rsum big.Rat
	var x big.Rat
	for _, c := range pages {
		if c.TP+c.FP > 0 {
			psum.Add(&psum, x.SetFloat64(c.Precision()))
			r.PrecisionPages++
		}
		if c.TP+c.FN > 0 {
			rsum.Add(&rsum, x.SetFloat64(c.Recall()))
			r.RecallPages++
		}
	}
	r.Precision = mean(&psum, r.PrecisionPages)
	r.Recall = mean(&rsum, r.RecallPages)
	r.F1 = f1(r.Precision, r.Recall)
	return r
}

// mean is sum/n rounded to the nearest float64, 0 when n is 0.
func mean(sum *big.Rat, n int) float64 {
	if n == 0 {
		return 0
	}
	m, _ := new(big.Rat).Quo(sum, new(big.Rat).SetInt64(int64(n))).Float64()
	return m
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
