package main

import (
	"context"
	"fmt"
	"io"

	"github.com/vpcplan/vpcplan/internal/inputfile"
	"github.com/vpcplan/vpcplan/planner/state"
	"github.com/vpcplan/vpcplan/planner/state/statecmd"
)

// runStatePull prints the current state as it is stored, as terraform
// state pull does; nothing when there is none.
func runStatePull(ctx context.Context, env *environment, sf stateFlags) int {
	st, ok := loadState(ctx, env, sf.path, sf.backend)
	if !ok {
		return exitError
	}
	if st == nil {
		return exitOK
	}
	data, err := st.Encode()
	if err != nil {
		printError(env, "Failed to write the state", err.Error())
		return exitError
	}
	env.stdout.Write(data)
	return exitOK
}

// runStatePush replaces the current state with the file's (- reads
// stdin), under the lock, refusing, unless force, a state of another
// lineage, an older serial, or the same serial with other content.
func runStatePush(ctx context.Context, env *environment, sf stateFlags, path string, force bool) int {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(env.stdin)
	} else {
		data, err = inputfile.ReadFile(path, env.limits.FileSize)
	}
	if err != nil {
		printError(env, "Failed to read the state to push", fmt.Sprintf("%s\n\nThe state was not changed.", err))
		return exitError
	}
	incoming, err := state.Decode(data)
	if err != nil {
		printError(env, "Failed to read the state to push", fmt.Sprintf("%s: %s\n\nThe state was not changed.", path, err))
		return exitError
	}
	s, ok := openState(ctx, env, sf, "OperationTypeInvalid")
	if !ok {
		return exitError
	}
	defer s.close(env)
	existing, err := s.store.Load()
	if err != nil {
		printError(env, "Failed to load state", fmt.Sprintf("%s\n\nThe state was not changed.", err))
		return exitError
	}
	if !force {
		if err := statecmd.CheckPush(existing, incoming); err != nil {
			printError(env, "Failed to write state", fmt.Sprintf("%s\n\nUse -force to push it anyway. The state was not changed.", err))
			return exitError
		}
	}
	ow, canOverwrite := s.store.(state.Overwriter)
	if force || (statecmd.Empty(existing) && existing != nil) {
		if !canOverwrite {
			printError(env, "Failed to write state", "This backend cannot replace its state whatever it holds.\n\nThe state was not changed.")
			return exitError
		}
		err = ow.Overwrite(incoming)
	} else {
		err = s.store.Save(incoming)
	}
	if err != nil {
		printError(env, "Failed to write state", fmt.Sprintf("%s\n\nThe state was not changed.", err))
		return exitError
	}
	return exitOK
}
