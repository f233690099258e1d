package pipeline

// HeaderValue makes s safe as a header value, as the runner makes a dead
// letter's Newsflow-Error: one line, at most about 1 KB.
func HeaderValue(s string) string { return headerValue(s) }
