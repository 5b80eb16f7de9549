package report

import (
	"fmt"
	"io"
)

// Report formats accepted by Write (`sotcap check --format`).
const (
	ReportText = "text"
	ReportJSON = "json"
	ReportCSV  = "csv"
	ReportHTML = "html"
)

// ReportFormats returns the report formats Write accepts, the default
// (text) first.
func ReportFormats() []string { return []string{ReportText, ReportJSON, ReportCSV, ReportHTML} }

// Write writes results in the named report format: "text" (WriteText),
// "json" (WriteJSON), "csv" (WriteCSV) or "html" (WriteHTML); "" means
// text. An unknown format is an error, and nothing is written.
func Write(w io.Writer, format string, results []FileResult) error {
	switch format {
	case ReportText, "":
		return WriteText(w, results)
	case ReportJSON:
		return WriteJSON(w, results)
	case ReportCSV:
		return WriteCSV(w, results)
	case ReportHTML:
		return WriteHTML(w, results)
	}
	return fmt.Errorf("unknown report format %q (want text, json, csv or html)", format)
}
