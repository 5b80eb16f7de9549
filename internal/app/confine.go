package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/sotcap/sotcap/config"
)

// errOutside is the error of a batch path that leaves its package folder.
var errOutside = errors.New("leaves the package folder (batch --allow-outside permits it)")

// confine resolves p, a path a package's sotcap.yaml gives (key names the
// setting), inside the package folder base: an absolute path, a path with
// ".." that climbs out, or a symbolic link (anywhere on the way) that
// points out is refused. The part of p that does not exist yet (an output
// folder) is checked by its existing parent.
func confine(base, p, key string) (string, error) {
	if filepath.IsAbs(p) {
		return "", fmt.Errorf("%s %q: an absolute path %w", key, p, errOutside)
	}
	joined := filepath.Join(base, p)
	if rel, err := filepath.Rel(base, joined); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s %q: %w", key, p, errOutside)
	}
	realBase, err := filepath.EvalSymlinks(base)
	if err != nil {
		return "", fmt.Errorf("package folder %s: %w", base, err)
	}
	realBase, _ = filepath.Abs(realBase)
	// The longest existing prefix of joined, with its links resolved.
	existing, rest := joined, ""
	for {
		if _, err := os.Lstat(existing); err == nil {
			break
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("%s %q: %w", key, p, err)
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			break
		}
		rest = filepath.Join(filepath.Base(existing), rest)
		existing = parent
	}
	real, err := filepath.EvalSymlinks(existing)
	if err != nil {
		return "", fmt.Errorf("%s %q: %w", key, p, err)
	}
	real, _ = filepath.Abs(filepath.Join(real, rest))
	if rel, err := filepath.Rel(realBase, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s %q: a symbolic link to %s %w", key, p, real, errOutside)
	}
	return joined, nil
}

// packageTarget returns the folder and base name a package's outputs go
// to, from its options and config alone (the inputs are not read), as
// loadPackage resolves them. A batch package's paths are confined to its
// folder; a paired package's script and EDL may not be links out of it.
func packageTarget(o GenerateOptions) (dir, name string, err error) {
	if o.ConfigFile == "" {
		if o.Batch && !o.AllowOutside {
			for _, p := range []struct{ path, key string }{{o.Script, "script"}, {o.EDL, "EDL"}} {
				if p.path == "" {
					continue
				}
				if _, err := confine(filepath.Dir(p.path), filepath.Base(p.path), p.key); err != nil {
					return "", "", err
				}
			}
		}
		return o.Out, o.Name, nil
	}
	cfg, err := config.Load(config.Options{File: o.ConfigFile, Flags: o.Flags, Environ: o.Environ})
	if err != nil {
		return "", "", err
	}
	base := filepath.Dir(o.ConfigFile)
	resolve := func(p, key string) (string, error) {
		if o.AllowOutside || !o.Batch {
			if filepath.IsAbs(p) {
				return p, nil
			}
			return filepath.Join(base, p), nil
		}
		q, err := confine(base, p, key)
		if err != nil {
			return "", fmt.Errorf("%s: %w", cfg.Source(key), err)
		}
		return q, nil
	}
	dir = o.Out
	if dir == "" {
		if dir, err = resolve(cfg.String(config.KeyOut), config.KeyOut); err != nil {
			return "", "", err
		}
	}
	name = o.Name
	if name == "" {
		name = cfg.String(config.KeyName)
	}
	if name == "" {
		script := o.Script
		if script == "" {
			script = cfg.String(config.KeyScript)
		}
		name = strings.TrimSuffix(filepath.Base(script), filepath.Ext(script))
	}
	return dir, name, nil
}
