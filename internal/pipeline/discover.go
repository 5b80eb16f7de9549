package pipeline

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
)

// Job is one package found by FindJobs: a script and an EDL to process
// together, or a folder whose sotcap.yaml says what to process.
type Job struct {
	// Dir is the folder the job's outputs go next to (its sotcap-out).
	Dir string
	// Name is the base name of the outputs.
	Name string
	// Script and EDL are the input paths ("" when Config names them).
	Script, EDL string
	// Scripts, when the folder holds language versions of the script
	// (NAME.txt beside NAME.fr.txt, NAME.ar.txt), are all of them as
	// --script values (ScriptArg: "fr=NAME.fr.txt"; NAME.txt's language is
	// detected), NAME.txt first, then by language; nil for one script.
	Scripts []string
	// Config is the path of the folder's sotcap.yaml, or "".
	Config string
	// Err, when not nil, is why the folder Dir could not be read (its
	// permissions); such a job fails with it, and the others go on.
	Err error
}

// ConfigFileName is the per-folder configuration FindJobs looks for.
const ConfigFileName = "sotcap.yaml"

// scriptExts and edlExts are the extensions FindJobs pairs by base name.
func isScript(ext string) bool {
	switch strings.ToLower(ext) {
	case ".txt", ".script":
		return true
	}
	return false
}

func isEDL(ext string) bool { return strings.EqualFold(ext, ".edl") }

// FindJobs walks root and returns the packages in it, sorted by path: every
// folder with a sotcap.yaml is one job (its config names the inputs);
// elsewhere every script (.txt) and EDL (.edl) that share a base name in the
// same folder form a job, with the script's language versions beside it
// (NAME.fr.txt, NAME.ar.txt: see Job.Scripts). Output folders (sotcap-out) are skipped. Scripts
// or EDLs left without a partner are returned as unpaired so the caller
// can report them. A folder below root that cannot be read is a job with
// Err set; only an unreadable root is an error.
func FindJobs(root string) (jobs []Job, unpaired []string, err error) {
	type pair struct {
		script, edl string
		versions    []ScriptArg
	}
	byBase := map[string]*pair{}
	configs := map[string]string{}
	var unreadable []Job
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != root && d != nil && d.IsDir() {
				// One unreadable folder must not hide every other package.
				unreadable = append(unreadable, Job{Dir: p, Name: filepath.Base(p), Err: fmt.Errorf("folder %s cannot be read: %w", p, err)})
				return filepath.SkipDir
			}
			return err
		}
		if d.IsDir() {
			if p != root && (d.Name() == "sotcap-out" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		dir := filepath.Dir(p)
		if d.Name() == ConfigFileName {
			configs[dir] = p
			return nil
		}
		ext := filepath.Ext(p)
		if !isScript(ext) && !isEDL(ext) {
			return nil
		}
		stem := strings.TrimSuffix(d.Name(), ext)
		lang := ""
		if isScript(ext) {
			if name, l := LanguageSuffix(d.Name()); l != "" && len(name) < len(stem) && stem[len(name)] == '.' {
				stem, lang = name, l
			}
		}
		key := filepath.Join(dir, stem)
		pr := byBase[key]
		if pr == nil {
			pr = &pair{}
			byBase[key] = pr
		}
		switch {
		case isEDL(ext):
			pr.edl = p
		case lang != "":
			pr.versions = append(pr.versions, ScriptArg{Language: lang, Path: p})
		default:
			pr.script = p
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("batch %s: %w", root, err)
	}
	for dir, cfg := range configs {
		jobs = append(jobs, Job{Dir: dir, Name: filepath.Base(dir), Config: cfg})
	}
	for key, pr := range byBase {
		dir := filepath.Dir(key)
		if _, ok := configs[dir]; ok {
			continue // the folder's sotcap.yaml decides
		}
		switch {
		case pr.edl != "" && len(pr.versions) > 0:
			sort.Slice(pr.versions, func(i, j int) bool { return pr.versions[i].Language < pr.versions[j].Language })
			j := Job{Dir: dir, Name: filepath.Base(key), Script: pr.script, EDL: pr.edl}
			if pr.script != "" {
				j.Scripts = append(j.Scripts, pr.script)
			} else {
				j.Script = pr.versions[0].Path
			}
			for _, v := range pr.versions {
				j.Scripts = append(j.Scripts, v.String())
			}
			jobs = append(jobs, j)
		case pr.script != "" && pr.edl != "":
			jobs = append(jobs, Job{Dir: dir, Name: filepath.Base(key), Script: pr.script, EDL: pr.edl})
		case pr.edl != "":
			unpaired = append(unpaired, pr.edl)
		}
		// A .txt without an EDL is ordinary text (notes, READMEs), not a package.
	}
	jobs = append(jobs, unreadable...)
	sort.Slice(jobs, func(i, j int) bool {
		if jobs[i].Dir != jobs[j].Dir {
			return jobs[i].Dir < jobs[j].Dir
		}
		return jobs[i].Name < jobs[j].Name
	})
	sort.Strings(unpaired)
	return jobs, unpaired, nil
}
