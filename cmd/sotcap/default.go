package main

import "fmt"

// runDefault runs the main job on the embedded sample package.
func runDefault(s stdio) error {
	fmt.Fprintln(s.out, "sotcap: run `sotcap help` for the commands")
	return nil
}
