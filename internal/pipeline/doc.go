// Package pipeline ties sotcap's parts together for one news package: it
// reads the script and the EDL, maps each soundbite (SOT) of the script
// onto its window in the edit, segments and times the translations, and
// renders the caption files and the reading-rate report. The commands
// generate, plan and batch are thin wrappers around it.
package pipeline
