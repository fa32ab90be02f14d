package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newDiffCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "diff",
		Short:  "(chưa hoàn thành)",
		Hidden: true,
		RunE:   func(*cobra.Command, []string) error { return errors.New("lệnh diff chưa hoàn thành") },
	}
}
